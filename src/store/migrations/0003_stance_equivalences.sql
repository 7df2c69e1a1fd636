-- Two stances on a topic that the family has declared to mean the same
-- thing ("BCS" is "lumpectomy"), so that they no longer count as a
-- disagreement. Stances are stored as typed; they are compared normalized.
CREATE TABLE stance_equivalences (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    topic_id    INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    stance      TEXT NOT NULL,
    same_as     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX stance_equivalences_by_topic ON stance_equivalences(topic_id);
