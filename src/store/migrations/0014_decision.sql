-- The decision: the options before the patient (options), what matters
-- about each (factors), the views of the people close to the patient
-- (views), the patient's own leaning (leanings), each taking of the
-- readiness check (readiness_checks) and the choice itself (decisions).
-- Who recommends an option is not stored: it is worked out from the
-- opinions' stances on the option's topic. The option grid is the
-- factors pivoted, and is not stored either.
CREATE TABLE IF NOT EXISTS options (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    topic_id    INTEGER REFERENCES topics(id) ON DELETE SET NULL,
    stance      TEXT NOT NULL DEFAULT '',
    waits       INTEGER NOT NULL DEFAULT 0 CHECK (waits IN (0, 1)),
    not_for_me  INTEGER NOT NULL DEFAULT 0 CHECK (not_for_me IN (0, 1)),
    not_for_me_because TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE IF NOT EXISTS factors (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    option_id   INTEGER NOT NULL REFERENCES options(id) ON DELETE CASCADE,
    side        TEXT NOT NULL,
    concern     TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    weight      INTEGER CHECK (weight BETWEEN 0 AND 5),
    chance      INTEGER,
    out_of      INTEGER,
    over        TEXT NOT NULL DEFAULT '',
    opinion_id  INTEGER REFERENCES opinions(id) ON DELETE SET NULL,
    answer_id   INTEGER REFERENCES questions(id) ON DELETE SET NULL,
    document    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX IF NOT EXISTS factors_by_option ON factors(option_id);
CREATE TABLE IF NOT EXISTS views (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    person      TEXT NOT NULL,
    prefers     INTEGER REFERENCES options(id) ON DELETE SET NULL,
    pressure    TEXT NOT NULL,
    supports    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE IF NOT EXISTS leanings (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    option_id   INTEGER REFERENCES options(id) ON DELETE SET NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE IF NOT EXISTS readiness_checks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    taken_on    TEXT NOT NULL,
    sure        INTEGER NOT NULL CHECK (sure IN (0, 1)),
    knows       INTEGER NOT NULL CHECK (knows IN (0, 1)),
    values_clear INTEGER NOT NULL CHECK (values_clear IN (0, 1)),
    supported   INTEGER NOT NULL CHECK (supported IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE IF NOT EXISTS decisions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    option_id   INTEGER NOT NULL REFERENCES options(id) ON DELETE CASCADE,
    decided_on  TEXT NOT NULL,
    reasons     TEXT NOT NULL DEFAULT '',
    look_again_if TEXT NOT NULL DEFAULT '',
    look_again_on TEXT,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Someone the patient names who may also record the leaning and the
-- decision; and the factor a question was raised from. A factor may come
-- from a question's answer and a question from a factor, so an import
-- (which writes the questions before the factors) has the link checked
-- when it commits.
ALTER TABLE case_info ADD COLUMN decision_writer TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN factor_id INTEGER
    REFERENCES factors(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

-- Their texts are searched, as every other text is (see 0008).
DROP VIEW IF EXISTS search_text_option;
CREATE VIEW search_text_option AS
    SELECT id, (14 << 40) + id AS row, 'option' AS kind, replace(replace(
        concat_ws(' · ', nullif(name, ''), nullif(description, ''), nullif(not_for_me_because, '')),
        char(57344), ''), char(57345), '') AS body
    FROM options;
DROP TRIGGER IF EXISTS search_option_added;
CREATE TRIGGER search_option_added AFTER INSERT ON options BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_option WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_option_edited;
CREATE TRIGGER search_option_edited AFTER UPDATE OF name, description, not_for_me_because ON options BEGIN
    DELETE FROM search_index WHERE rowid = (14 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_option WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_option_deleted;
CREATE TRIGGER search_option_deleted AFTER DELETE ON options BEGIN
    DELETE FROM search_index WHERE rowid = (14 << 40) + old.id;
END;
DROP VIEW IF EXISTS search_text_factor;
CREATE VIEW search_text_factor AS
    SELECT id, (15 << 40) + id AS row, 'factor' AS kind, replace(replace(
        concat_ws(' · ', nullif(text, ''), nullif(concern, ''), nullif(over, ''), nullif(document, '')),
        char(57344), ''), char(57345), '') AS body
    FROM factors;
DROP TRIGGER IF EXISTS search_factor_added;
CREATE TRIGGER search_factor_added AFTER INSERT ON factors BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_factor WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_factor_edited;
CREATE TRIGGER search_factor_edited AFTER UPDATE OF text, concern, over, document ON factors BEGIN
    DELETE FROM search_index WHERE rowid = (15 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_factor WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_factor_deleted;
CREATE TRIGGER search_factor_deleted AFTER DELETE ON factors BEGIN
    DELETE FROM search_index WHERE rowid = (15 << 40) + old.id;
END;
DROP VIEW IF EXISTS search_text_view;
CREATE VIEW search_text_view AS
    SELECT id, (16 << 40) + id AS row, 'view' AS kind, replace(replace(
        concat_ws(' · ', nullif(person, ''), nullif(note, '')),
        char(57344), ''), char(57345), '') AS body
    FROM views;
DROP TRIGGER IF EXISTS search_view_added;
CREATE TRIGGER search_view_added AFTER INSERT ON views BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_view WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_view_edited;
CREATE TRIGGER search_view_edited AFTER UPDATE OF person, note ON views BEGIN
    DELETE FROM search_index WHERE rowid = (16 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_view WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_view_deleted;
CREATE TRIGGER search_view_deleted AFTER DELETE ON views BEGIN
    DELETE FROM search_index WHERE rowid = (16 << 40) + old.id;
END;
DROP VIEW IF EXISTS search_text_leaning;
CREATE VIEW search_text_leaning AS
    SELECT id, (17 << 40) + id AS row, 'leaning' AS kind, replace(replace(
        concat_ws(' · ', nullif(note, '')),
        char(57344), ''), char(57345), '') AS body
    FROM leanings;
DROP TRIGGER IF EXISTS search_leaning_added;
CREATE TRIGGER search_leaning_added AFTER INSERT ON leanings BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_leaning WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_leaning_edited;
CREATE TRIGGER search_leaning_edited AFTER UPDATE OF note ON leanings BEGIN
    DELETE FROM search_index WHERE rowid = (17 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_leaning WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_leaning_deleted;
CREATE TRIGGER search_leaning_deleted AFTER DELETE ON leanings BEGIN
    DELETE FROM search_index WHERE rowid = (17 << 40) + old.id;
END;
DROP VIEW IF EXISTS search_text_decision;
CREATE VIEW search_text_decision AS
    SELECT id, (18 << 40) + id AS row, 'decision' AS kind, replace(replace(
        concat_ws(' · ', nullif(reasons, ''), nullif(look_again_if, '')),
        char(57344), ''), char(57345), '') AS body
    FROM decisions;
DROP TRIGGER IF EXISTS search_decision_added;
CREATE TRIGGER search_decision_added AFTER INSERT ON decisions BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_decision WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_decision_edited;
CREATE TRIGGER search_decision_edited AFTER UPDATE OF reasons, look_again_if ON decisions BEGIN
    DELETE FROM search_index WHERE rowid = (18 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_decision WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_decision_deleted;
CREATE TRIGGER search_decision_deleted AFTER DELETE ON decisions BEGIN
    DELETE FROM search_index WHERE rowid = (18 << 40) + old.id;
END;
