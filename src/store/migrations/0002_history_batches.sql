-- Changes saved together (one form, one delete with what went with it, one
-- undo) share a batch number, so that they can be undone together.
ALTER TABLE history ADD COLUMN batch INTEGER;
UPDATE history SET batch = id;
CREATE INDEX history_by_batch ON history(batch);
