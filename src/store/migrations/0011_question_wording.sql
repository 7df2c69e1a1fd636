-- A question keeps who it was for when that doctor is removed from the
-- case after it was asked or answered: the doctor's name, kept on the
-- question once doctor_id is cleared ('' for a question that never lost
-- its doctor).
ALTER TABLE questions ADD COLUMN former_doctor TEXT NOT NULL DEFAULT '';
