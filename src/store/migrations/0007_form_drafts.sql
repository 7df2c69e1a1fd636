-- What someone was typing in a form, kept while the form is open, so that
-- a crash, a closed terminal or a kill does not lose it. One per writer;
-- removed when the form is saved or put away. Not part of the case: it is
-- left out of exports.
CREATE TABLE form_drafts (
    author      TEXT PRIMARY KEY NOT NULL,
    saved_at    TEXT NOT NULL,
    form_json   TEXT NOT NULL
) STRICT;
