-- How many days an original (film, glass, block) may be away from the
-- place that owns it before casefile flags it; the family chooses.
ALTER TABLE case_info ADD COLUMN originals_away_days INTEGER NOT NULL DEFAULT 30;
