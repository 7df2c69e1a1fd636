-- Long lists are read a screenful at a time. Each order a list is read in
-- has an index that gives it directly: the Notes pane newest first, one
-- author's notes, the notes on one record; and the custody log and the
-- requests in the order the case is read in.
DROP INDEX notes_by_time;
CREATE INDEX notes_newest ON notes(created_at, id);
CREATE INDEX notes_by_author ON notes(created_by, created_at, id);
DROP INDEX notes_by_record;
CREATE INDEX notes_by_record ON notes(on_kind, on_id, created_at, id);
CREATE INDEX custody_moves_in_order ON custody_moves(moved_on, id);
CREATE INDEX record_requests_in_order ON record_requests(requested_on, id);

-- How many notes the case holds, kept by the file itself: counting a
-- hundred thousand notes after every save would take longer than the save.
CREATE TABLE note_count (n INTEGER NOT NULL) STRICT;
INSERT INTO note_count SELECT count(*) FROM notes;
CREATE TRIGGER note_counted AFTER INSERT ON notes BEGIN
    UPDATE note_count SET n = n + 1;
END;
CREATE TRIGGER note_uncounted AFTER DELETE ON notes BEGIN
    UPDATE note_count SET n = n - 1;
END;
