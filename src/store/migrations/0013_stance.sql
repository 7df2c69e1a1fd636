-- What an opinion says on a topic is called a stance everywhere the
-- patient reads it, and now also in the keys the file keeps: a note on a
-- stance, a change to one in the history, and the search index name the
-- kind "stance" (casefile still reads "position", the key it used before).
-- The table keeps its name.
UPDATE notes SET on_kind = 'stance' WHERE on_kind = 'position';
UPDATE history SET record_kind = 'stance' WHERE record_kind = 'position';
-- A record that names a stance (a note on one) names it so in the history
-- too, and in a form kept while it is typed.
UPDATE history SET
    before_json = replace(before_json, '"kind":"position"', '"kind":"stance"'),
    after_json = replace(after_json, '"kind":"position"', '"kind":"stance"');
UPDATE form_drafts SET form_json = replace(form_json, '"kind":"position"', '"kind":"stance"');

DROP VIEW search_text_position;
CREATE VIEW search_text_position AS
    SELECT id, (5 << 40) + id AS row, 'stance' AS kind, replace(replace(
        concat_ws(' · ', nullif(stance, ''), nullif(detail, '')),
        char(57344), ''), char(57345), '') AS body
    FROM positions;
UPDATE search_index SET kind = 'stance' WHERE kind = 'position';
