-- Full-text search over every text in the case: the case's question,
-- doctors, opinions, stances, topics, conflict resolutions, questions and
-- answers, items and their moves, record requests, follow-ups, deadlines
-- and notes.
--
-- search_index holds one row per record: its kind (the key history uses),
-- its id, and its searchable text: the record's text fields, the empty
-- ones left out, joined by " · ". Accents are folded (unicode61
-- remove_diacritics 2: "resume" finds "résumé"), and prefixes of two and
-- three letters are indexed, so that searching as one types stays fast.
--
-- A row's rowid is (kind number << 40) + record id, so that each kind is
-- one range of rowids and a record's row is found by its rowid, not by a
-- scan. Notes, the kind a case has most of, come first (number 1): a
-- search that matches very many of them starts at the newest it ranks
-- and skips the rest.
--
-- The private-use characters U+E000 and U+E001 are taken out of the text:
-- a search marks its matches with them.
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,
    record_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- The words in the index, for a search to find those that begin with
-- what was typed.
CREATE VIRTUAL TABLE search_words USING fts5vocab(search_index, row);

-- The searchable text of each kind of record, as it goes in the index.
CREATE VIEW search_text_note AS
    SELECT id, (1 << 40) + id AS row, 'note' AS kind, replace(replace(
        body,
        char(57344), ''), char(57345), '') AS body
    FROM notes;
CREATE VIEW search_text_case AS
    SELECT id, (2 << 40) + id AS row, 'case' AS kind, replace(replace(
        concat_ws(' · ', nullif(patient, ''), nullif(question, '')),
        char(57344), ''), char(57345), '') AS body
    FROM case_info;
CREATE VIEW search_text_doctor AS
    SELECT id, (3 << 40) + id AS row, 'doctor' AS kind, replace(replace(
        concat_ws(' · ', nullif(name, ''), nullif(specialty, ''),
            nullif(institution, ''), nullif(trained_at, ''),
            nullif(contact, ''), nullif(network, '')),
        char(57344), ''), char(57345), '') AS body
    FROM doctors;
CREATE VIEW search_text_opinion AS
    SELECT id, (4 << 40) + id AS row, 'opinion' AS kind, replace(replace(
        concat_ws(' · ', nullif(diagnosis, ''), nullif(recommendation, ''),
            nullif(urgency, ''), nullif(notes, ''), nullif(cost, ''),
            nullif(coverage, '')),
        char(57344), ''), char(57345), '') AS body
    FROM opinions;
CREATE VIEW search_text_position AS
    SELECT id, (5 << 40) + id AS row, 'position' AS kind, replace(replace(
        concat_ws(' · ', nullif(stance, ''), nullif(detail, '')),
        char(57344), ''), char(57345), '') AS body
    FROM positions;
CREATE VIEW search_text_topic AS
    SELECT id, (6 << 40) + id AS row, 'topic' AS kind, replace(replace(
        name,
        char(57344), ''), char(57345), '') AS body
    FROM topics;
CREATE VIEW search_text_conflict AS
    SELECT id, (7 << 40) + id AS row, 'conflict' AS kind, replace(replace(
        resolution,
        char(57344), ''), char(57345), '') AS body
    FROM conflict_states;
CREATE VIEW search_text_question AS
    SELECT id, (8 << 40) + id AS row, 'question' AS kind, replace(replace(
        concat_ws(' · ', nullif(text, ''), nullif(answer, '')),
        char(57344), ''), char(57345), '') AS body
    FROM questions;
CREATE VIEW search_text_item AS
    SELECT id, (9 << 40) + id AS row, 'item' AS kind, replace(replace(
        concat_ws(' · ', nullif(description, ''), nullif(facility, ''),
            nullif(held_by, '')),
        char(57344), ''), char(57345), '') AS body
    FROM items;
CREATE VIEW search_text_move AS
    SELECT id, (10 << 40) + id AS row, 'move' AS kind, replace(replace(
        concat_ws(' · ', nullif(from_holder, ''), nullif(to_holder, ''),
            nullif(method, ''), nullif(tracking, ''), nullif(note, '')),
        char(57344), ''), char(57345), '') AS body
    FROM custody_moves;
CREATE VIEW search_text_request AS
    SELECT id, (11 << 40) + id AS row, 'request' AS kind, replace(replace(
        concat_ws(' · ', nullif(to_whom, ''), nullif(what, ''),
            nullif(method, '')),
        char(57344), ''), char(57345), '') AS body
    FROM record_requests;
CREATE VIEW search_text_follow_up AS
    SELECT id, (12 << 40) + id AS row, 'follow_up' AS kind, replace(replace(
        concat_ws(' · ', nullif(by_whom, ''), nullif(said, '')),
        char(57344), ''), char(57345), '') AS body
    FROM follow_ups;
CREATE VIEW search_text_deadline AS
    SELECT id, (13 << 40) + id AS row, 'deadline' AS kind, replace(replace(
        concat_ws(' · ', nullif(title, ''), nullif(notes, '')),
        char(57344), ''), char(57345), '') AS body
    FROM deadlines;

-- Every record already in the case.
INSERT INTO search_index (rowid, kind, record_id, body)
    SELECT row, kind, id, body FROM search_text_note
    UNION ALL SELECT row, kind, id, body FROM search_text_case
    UNION ALL SELECT row, kind, id, body FROM search_text_doctor
    UNION ALL SELECT row, kind, id, body FROM search_text_opinion
    UNION ALL SELECT row, kind, id, body FROM search_text_position
    UNION ALL SELECT row, kind, id, body FROM search_text_topic
    UNION ALL SELECT row, kind, id, body FROM search_text_conflict
    UNION ALL SELECT row, kind, id, body FROM search_text_question
    UNION ALL SELECT row, kind, id, body FROM search_text_item
    UNION ALL SELECT row, kind, id, body FROM search_text_move
    UNION ALL SELECT row, kind, id, body FROM search_text_request
    UNION ALL SELECT row, kind, id, body FROM search_text_follow_up
    UNION ALL SELECT row, kind, id, body FROM search_text_deadline;
INSERT INTO search_index (search_index) VALUES ('optimize');

-- Kept in step: a record's row is written when the record is added,
-- written again when one of its text fields is saved, and taken out with
-- it, deletes that cascade from another record included.
CREATE TRIGGER search_note_added AFTER INSERT ON notes BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_note WHERE id = new.id;
END;
CREATE TRIGGER search_note_edited AFTER UPDATE OF body ON notes BEGIN
    DELETE FROM search_index WHERE rowid = (1 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_note WHERE id = new.id;
END;
CREATE TRIGGER search_note_deleted AFTER DELETE ON notes BEGIN
    DELETE FROM search_index WHERE rowid = (1 << 40) + old.id;
END;
CREATE TRIGGER search_case_added AFTER INSERT ON case_info BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_case WHERE id = new.id;
END;
CREATE TRIGGER search_case_edited AFTER UPDATE OF patient, question ON case_info BEGIN
    DELETE FROM search_index WHERE rowid = (2 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_case WHERE id = new.id;
END;
CREATE TRIGGER search_case_deleted AFTER DELETE ON case_info BEGIN
    DELETE FROM search_index WHERE rowid = (2 << 40) + old.id;
END;
CREATE TRIGGER search_doctor_added AFTER INSERT ON doctors BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_doctor WHERE id = new.id;
END;
CREATE TRIGGER search_doctor_edited
AFTER UPDATE OF name, specialty, institution, trained_at, contact, network
ON doctors BEGIN
    DELETE FROM search_index WHERE rowid = (3 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_doctor WHERE id = new.id;
END;
CREATE TRIGGER search_doctor_deleted AFTER DELETE ON doctors BEGIN
    DELETE FROM search_index WHERE rowid = (3 << 40) + old.id;
END;
CREATE TRIGGER search_opinion_added AFTER INSERT ON opinions BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_opinion WHERE id = new.id;
END;
CREATE TRIGGER search_opinion_edited
AFTER UPDATE OF diagnosis, recommendation, urgency, notes, cost, coverage
ON opinions BEGIN
    DELETE FROM search_index WHERE rowid = (4 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_opinion WHERE id = new.id;
END;
CREATE TRIGGER search_opinion_deleted AFTER DELETE ON opinions BEGIN
    DELETE FROM search_index WHERE rowid = (4 << 40) + old.id;
END;
CREATE TRIGGER search_position_added AFTER INSERT ON positions BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_position WHERE id = new.id;
END;
CREATE TRIGGER search_position_edited AFTER UPDATE OF stance, detail ON positions BEGIN
    DELETE FROM search_index WHERE rowid = (5 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_position WHERE id = new.id;
END;
CREATE TRIGGER search_position_deleted AFTER DELETE ON positions BEGIN
    DELETE FROM search_index WHERE rowid = (5 << 40) + old.id;
END;
CREATE TRIGGER search_topic_added AFTER INSERT ON topics BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_topic WHERE id = new.id;
END;
CREATE TRIGGER search_topic_edited AFTER UPDATE OF name ON topics BEGIN
    DELETE FROM search_index WHERE rowid = (6 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_topic WHERE id = new.id;
END;
CREATE TRIGGER search_topic_deleted AFTER DELETE ON topics BEGIN
    DELETE FROM search_index WHERE rowid = (6 << 40) + old.id;
END;
CREATE TRIGGER search_conflict_added AFTER INSERT ON conflict_states BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_conflict WHERE id = new.id;
END;
CREATE TRIGGER search_conflict_edited AFTER UPDATE OF resolution ON conflict_states BEGIN
    DELETE FROM search_index WHERE rowid = (7 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_conflict WHERE id = new.id;
END;
CREATE TRIGGER search_conflict_deleted AFTER DELETE ON conflict_states BEGIN
    DELETE FROM search_index WHERE rowid = (7 << 40) + old.id;
END;
CREATE TRIGGER search_question_added AFTER INSERT ON questions BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_question WHERE id = new.id;
END;
CREATE TRIGGER search_question_edited AFTER UPDATE OF text, answer ON questions BEGIN
    DELETE FROM search_index WHERE rowid = (8 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_question WHERE id = new.id;
END;
CREATE TRIGGER search_question_deleted AFTER DELETE ON questions BEGIN
    DELETE FROM search_index WHERE rowid = (8 << 40) + old.id;
END;
CREATE TRIGGER search_item_added AFTER INSERT ON items BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_item WHERE id = new.id;
END;
CREATE TRIGGER search_item_edited
AFTER UPDATE OF description, facility, held_by
ON items BEGIN
    DELETE FROM search_index WHERE rowid = (9 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_item WHERE id = new.id;
END;
CREATE TRIGGER search_item_deleted AFTER DELETE ON items BEGIN
    DELETE FROM search_index WHERE rowid = (9 << 40) + old.id;
END;
CREATE TRIGGER search_move_added AFTER INSERT ON custody_moves BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_move WHERE id = new.id;
END;
CREATE TRIGGER search_move_edited
AFTER UPDATE OF from_holder, to_holder, method, tracking, note
ON custody_moves BEGIN
    DELETE FROM search_index WHERE rowid = (10 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_move WHERE id = new.id;
END;
CREATE TRIGGER search_move_deleted AFTER DELETE ON custody_moves BEGIN
    DELETE FROM search_index WHERE rowid = (10 << 40) + old.id;
END;
CREATE TRIGGER search_request_added AFTER INSERT ON record_requests BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_request WHERE id = new.id;
END;
CREATE TRIGGER search_request_edited
AFTER UPDATE OF to_whom, what, method
ON record_requests BEGIN
    DELETE FROM search_index WHERE rowid = (11 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_request WHERE id = new.id;
END;
CREATE TRIGGER search_request_deleted AFTER DELETE ON record_requests BEGIN
    DELETE FROM search_index WHERE rowid = (11 << 40) + old.id;
END;
CREATE TRIGGER search_follow_up_added AFTER INSERT ON follow_ups BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_follow_up WHERE id = new.id;
END;
CREATE TRIGGER search_follow_up_edited AFTER UPDATE OF by_whom, said ON follow_ups BEGIN
    DELETE FROM search_index WHERE rowid = (12 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_follow_up WHERE id = new.id;
END;
CREATE TRIGGER search_follow_up_deleted AFTER DELETE ON follow_ups BEGIN
    DELETE FROM search_index WHERE rowid = (12 << 40) + old.id;
END;
CREATE TRIGGER search_deadline_added AFTER INSERT ON deadlines BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_deadline WHERE id = new.id;
END;
CREATE TRIGGER search_deadline_edited AFTER UPDATE OF title, notes ON deadlines BEGIN
    DELETE FROM search_index WHERE rowid = (13 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_deadline WHERE id = new.id;
END;
CREATE TRIGGER search_deadline_deleted AFTER DELETE ON deadlines BEGIN
    DELETE FROM search_index WHERE rowid = (13 << 40) + old.id;
END;
