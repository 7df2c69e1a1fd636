-- The studies on an imaging disc (a CD, DVD or USB stick), read from its
-- DICOMDIR or its files' headers and never copied: one row per study,
-- under the disc's item. `disc_digest` is the digest of the catalogue the
-- study was read from, so the same disc read again is known.
CREATE TABLE IF NOT EXISTS studies (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    uid         TEXT NOT NULL DEFAULT '',
    taken_on    TEXT,
    modality    TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    accession   TEXT NOT NULL DEFAULT '',
    institution TEXT NOT NULL DEFAULT '',
    referring   TEXT NOT NULL DEFAULT '',
    series      INTEGER NOT NULL DEFAULT 0,
    images      INTEGER NOT NULL DEFAULT 0,
    disc_digest TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX IF NOT EXISTS studies_by_item ON studies(item_id);
CREATE INDEX IF NOT EXISTS studies_by_uid ON studies(uid);

-- Their texts are searched, as every other text is (see 0008).
DROP VIEW IF EXISTS search_text_study;
CREATE VIEW search_text_study AS
    SELECT id, (19 << 40) + id AS row, 'study' AS kind, replace(replace(
        concat_ws(' · ', nullif(description, ''), nullif(accession, ''), nullif(institution, ''),
            nullif(referring, ''), nullif(modality, '')),
        char(57344), ''), char(57345), '') AS body
    FROM studies;
DROP TRIGGER IF EXISTS search_study_added;
CREATE TRIGGER search_study_added AFTER INSERT ON studies BEGIN
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_study WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_study_edited;
CREATE TRIGGER search_study_edited AFTER UPDATE OF description, accession, institution, referring, modality ON studies BEGIN
    DELETE FROM search_index WHERE rowid = (19 << 40) + old.id;
    INSERT INTO search_index (rowid, kind, record_id, body)
        SELECT row, kind, id, body FROM search_text_study WHERE id = new.id;
END;
DROP TRIGGER IF EXISTS search_study_deleted;
CREATE TRIGGER search_study_deleted AFTER DELETE ON studies BEGIN
    DELETE FROM search_index WHERE rowid = (19 << 40) + old.id;
END;
