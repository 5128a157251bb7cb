-- Questionnaire versions (issue #18): a questionnaire's items are never edited; "Nieuwe versie" copies it as version
-- n + 1 linked to its predecessor, so every round keeps the items of the version it was made with (its questionnaire_id).
-- A version has at most one successor.

ALTER TABLE questionnaires ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE questionnaires ADD COLUMN previous_id INTEGER REFERENCES questionnaires (id) ON DELETE SET NULL;

CREATE UNIQUE INDEX questionnaires_one_successor ON questionnaires (previous_id) WHERE previous_id IS NOT NULL;
