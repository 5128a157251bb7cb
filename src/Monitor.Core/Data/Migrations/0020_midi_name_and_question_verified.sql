-- MIDI verification flags name exactly what was checked (domain.md §1.3): only the Dutch names of determinants 1
-- ("Procedurele helderheid") and 2 ("Juistheid") are confirmed; every guiding question is a paraphrase from recall.
-- The one flag wording_verified said "verified" for names and questions together; it becomes two flags.
ALTER TABLE midi_determinants RENAME COLUMN wording_verified TO question_verified;
ALTER TABLE midi_determinants ADD COLUMN name_verified INTEGER NOT NULL DEFAULT 0 CHECK (name_verified IN (0, 1));
UPDATE midi_determinants SET name_verified = 1 WHERE number IN (1, 2);
UPDATE midi_determinants SET question_verified = 0;
