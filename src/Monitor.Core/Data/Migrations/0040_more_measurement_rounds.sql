-- foreign_keys: off
-- More than two measurements (issue #18): a round can also be a tussenmeting or a follow-up ('followup'). SQLite cannot
-- change a CHECK constraint in place, so measurement_rounds is rebuilt (the migrator runs this with foreign keys off and
-- checks them before it commits: https://www.sqlite.org/lang_altertable.html, section 7). The tables that refer to it
-- (round_links, survey_responses, round_personal_code, round_invitations) keep their references by name; ids are kept.

CREATE TABLE measurement_rounds_new (
    id                INTEGER PRIMARY KEY,
    questionnaire_id  INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    measurement       TEXT NOT NULL CHECK (measurement IN ('voormeting', 'tussenmeting', 'nameting', 'followup')),
    opens_on          TEXT NOT NULL CHECK (opens_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    closes_on         TEXT NOT NULL CHECK (closes_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- the respondents intended, for the response rate
    intended          INTEGER CHECK (intended IS NULL OR intended BETWEEN 1 AND 1000000),
    sidedness         TEXT NOT NULL DEFAULT 'tweezijdig' CHECK (sidedness IN ('tweezijdig', 'groter', 'kleiner')),
    created_at        TEXT NOT NULL,
    CHECK (closes_on >= opens_on)
) STRICT;

INSERT INTO measurement_rounds_new (id, questionnaire_id, name, measurement, opens_on, closes_on, intended, sidedness, created_at)
SELECT id, questionnaire_id, name, measurement, opens_on, closes_on, intended, sidedness, created_at FROM measurement_rounds;

DROP TABLE measurement_rounds;
ALTER TABLE measurement_rounds_new RENAME TO measurement_rounds;

CREATE INDEX ix_measurement_rounds_questionnaire ON measurement_rounds (questionnaire_id);
