-- A new copy of an item, sent by a records office in answer to a request,
-- is an item of its own that knows the item it copies; a record request
-- knows the day its answer came. When the original is deleted, the copy
-- stays and loses the link (casefile records that change itself, so the
-- column has no ON DELETE clause).
ALTER TABLE items ADD COLUMN copy_of INTEGER REFERENCES items(id);
ALTER TABLE record_requests ADD COLUMN received_on TEXT;

-- What casefile remembers about how the case file is used, not part of
-- the case: who wrote last, so that the question of who is writing starts
-- on them. Left out of exports.
CREATE TABLE remembered (
    key     TEXT PRIMARY KEY NOT NULL,
    value   TEXT NOT NULL
) STRICT;
