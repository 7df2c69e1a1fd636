-- The items a record request asks for, so that receiving the request can
-- move them in one step.
CREATE TABLE request_items (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id  INTEGER NOT NULL REFERENCES record_requests(id) ON DELETE CASCADE,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES authors(name),
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL REFERENCES authors(name),
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (request_id, item_id)
) STRICT;
CREATE INDEX request_items_by_item ON request_items(item_id);
