-- Emoji and other symbols are searchable: the index reads Unicode's
-- "other symbols" (So: 🩺, ❤, ⚕, ©...) as part of words, besides letters,
-- digits and private-use characters (unicode61's default "L* N* Co"). A
-- doctor whose specialty says 👨‍⚕️ is found by 👨‍⚕️, or by ⚕.
--
-- The index is made again with that tokenizer and filled from the same
-- search_text_* views as before. The triggers that keep it in step name
-- the table, not this one made before, so they go on working as they are.
DROP TABLE search_words;
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED,
    record_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2 categories ''L* N* Co So''',
    prefix = '2 3'
);
CREATE VIRTUAL TABLE search_words USING fts5vocab(search_index, row);
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
