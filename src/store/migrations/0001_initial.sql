-- casefile's first schema: one case, and every record of it.
-- Every table carries who created and last changed each row, when, and a
-- version that goes up with every save so that a stale save is refused.

CREATE TABLE authors (
    name        TEXT PRIMARY KEY NOT NULL CHECK (length(trim(name)) > 0),
    first_seen  TEXT NOT NULL
) STRICT;

CREATE TABLE case_info (
    id          INTEGER PRIMARY KEY AUTOINCREMENT CHECK (id = 1),
    patient     TEXT NOT NULL,
    question    TEXT NOT NULL DEFAULT '',
    decide_by   TEXT,
    is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE doctors (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    specialty   TEXT NOT NULL DEFAULT '',
    institution TEXT NOT NULL DEFAULT '',
    trained_at  TEXT NOT NULL DEFAULT '',
    contact     TEXT NOT NULL DEFAULT '',
    network     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE opinions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    doctor_id      INTEGER NOT NULL REFERENCES doctors(id) ON DELETE CASCADE,
    given_on       TEXT NOT NULL,
    form           TEXT NOT NULL,
    diagnosis      TEXT NOT NULL DEFAULT '',
    recommendation TEXT NOT NULL DEFAULT '',
    urgency        TEXT NOT NULL DEFAULT '',
    saw_originals  INTEGER NOT NULL DEFAULT 0 CHECK (saw_originals IN (0, 1)),
    knew_prior     INTEGER NOT NULL DEFAULT 0 CHECK (knew_prior IN (0, 1)),
    cost           TEXT NOT NULL DEFAULT '',
    coverage       TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL REFERENCES authors(name),
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL REFERENCES authors(name),
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX opinions_by_doctor ON opinions(doctor_id, given_on);

CREATE TABLE topics (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    sort_order  INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE positions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    opinion_id  INTEGER NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
    topic_id    INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    stance      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (opinion_id, topic_id)
) STRICT;
CREATE INDEX positions_by_topic ON positions(topic_id);

CREATE TABLE conflict_states (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    topic_id    INTEGER NOT NULL UNIQUE REFERENCES topics(id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    resolution  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE questions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    doctor_id   INTEGER REFERENCES doctors(id) ON DELETE SET NULL,
    text        TEXT NOT NULL,
    status      TEXT NOT NULL,
    answer      TEXT NOT NULL DEFAULT '',
    asked_on    TEXT,
    answered_on TEXT,
    topic_id    INTEGER REFERENCES topics(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX questions_by_doctor ON questions(doctor_id, status);

CREATE TABLE items (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    description TEXT NOT NULL,
    taken_on    TEXT,
    facility    TEXT NOT NULL DEFAULT '',
    form        TEXT NOT NULL,
    is_original INTEGER NOT NULL DEFAULT 0 CHECK (is_original IN (0, 1)),
    held_by     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE custody_moves (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    from_holder TEXT NOT NULL,
    to_holder   TEXT NOT NULL,
    moved_on    TEXT NOT NULL,
    method      TEXT NOT NULL DEFAULT '',
    tracking    TEXT NOT NULL DEFAULT '',
    direct      INTEGER NOT NULL DEFAULT 0 CHECK (direct IN (0, 1)),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX custody_moves_by_item ON custody_moves(item_id, moved_on);

CREATE TABLE item_recipients (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    doctor_id   INTEGER NOT NULL REFERENCES doctors(id) ON DELETE CASCADE,
    received_on TEXT,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (item_id, doctor_id)
) STRICT;
CREATE INDEX item_recipients_by_doctor ON item_recipients(doctor_id);

CREATE TABLE record_requests (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    to_whom           TEXT NOT NULL,
    what              TEXT NOT NULL,
    requested_on      TEXT NOT NULL,
    method            TEXT NOT NULL DEFAULT '',
    deliver_to_doctor INTEGER REFERENCES doctors(id) ON DELETE SET NULL,
    status            TEXT NOT NULL,
    local_limit_days  INTEGER,
    extended_on       TEXT,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL REFERENCES authors(name),
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL REFERENCES authors(name),
    version           INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE follow_ups (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id  INTEGER NOT NULL REFERENCES record_requests(id) ON DELETE CASCADE,
    on_date     TEXT NOT NULL,
    by_whom     TEXT NOT NULL DEFAULT '',
    said        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX follow_ups_by_request ON follow_ups(request_id, on_date);

CREATE TABLE deadlines (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    doctor_id   INTEGER REFERENCES doctors(id) ON DELETE SET NULL,
    done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX deadlines_by_date ON deadlines(due_on);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    on_kind     TEXT,
    on_id       INTEGER,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1,
    CHECK ((on_kind IS NULL) = (on_id IS NULL))
) STRICT;
CREATE INDEX notes_by_record ON notes(on_kind, on_id);
CREATE INDEX notes_by_time ON notes(created_at);

CREATE TABLE history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    author      TEXT NOT NULL REFERENCES authors(name),
    record_kind TEXT NOT NULL,
    record_id   INTEGER NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('added', 'edited', 'deleted')),
    before_json TEXT,
    after_json  TEXT
) STRICT;
CREATE INDEX history_by_record ON history(record_kind, record_id);
