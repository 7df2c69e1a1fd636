-- What a question keeps besides its text.
--
-- blind_text: the question in words that give no doctor's view, used by a
-- blind packet. casefile writes it for the questions it raises from a
-- conflict ("Dr. Park says X. Why Y?" names a view; the blind wording does
-- not), and drops it when the text is changed. '' for a question a person
-- wrote.
--
-- former_doctor: who the question was for, when that doctor is removed
-- from the case after it was asked or answered: the doctor's name, kept
-- once doctor_id is cleared ('' for a question that never lost its
-- doctor).
ALTER TABLE questions ADD COLUMN blind_text TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN former_doctor TEXT NOT NULL DEFAULT '';
