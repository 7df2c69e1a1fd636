-- What a doctor received of an item: the item itself (the original or the
-- copy it is), or only the report written about it.
ALTER TABLE item_recipients ADD COLUMN received_as TEXT NOT NULL DEFAULT 'item';
