-- Effect measurement, linkage (issue #18): the training register per project (who was trained and when, under a role
-- label), the pre/post linkage of responses through a respondent key, and personal invitation links per round.
-- The respondent key is a salted hash (HMAC-SHA-256 with a secret per project) of either the personal code the
-- respondent makes from stable questions or the register entry an invitation was made for; the code's answers
-- themselves are never stored.

CREATE TABLE training_register (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- a role label ("Re-integratieprofessional 3") or, in a real project, a name the project chooses
    label       TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    cohort      TEXT NOT NULL DEFAULT '' CHECK (length(cohort) <= 100),
    -- the day of the training; NULL: not trained (the comparison group)
    trained_on  TEXT CHECK (trained_on IS NULL OR trained_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at  TEXT NOT NULL,
    UNIQUE (project_id, label)
) STRICT;

-- The secret per project the respondent keys are made with (32 random bytes, hex).
CREATE TABLE respondent_key_secrets (
    project_id  INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    secret      TEXT NOT NULL CHECK (length(secret) = 64)
) STRICT;

-- Whether the anonymous form of a round asks for the personal code.
CREATE TABLE round_personal_code (
    round_id  INTEGER PRIMARY KEY REFERENCES measurement_rounds (id) ON DELETE CASCADE
) STRICT;

-- One personal link per invitee and round; the token is stored as its SHA-256 hash; answered_on is the day it was used.
CREATE TABLE round_invitations (
    id           INTEGER PRIMARY KEY,
    round_id     INTEGER NOT NULL REFERENCES measurement_rounds (id) ON DELETE CASCADE,
    register_id  INTEGER NOT NULL REFERENCES training_register (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    answered_on  TEXT,
    UNIQUE (round_id, register_id)
) STRICT;

-- The key that links a respondent's answers across rounds (NULL: not linkable); one response per key and round.
ALTER TABLE survey_responses ADD COLUMN respondent_key TEXT CHECK (respondent_key IS NULL OR length(respondent_key) = 64);
CREATE UNIQUE INDEX ux_survey_responses_key ON survey_responses (round_id, respondent_key) WHERE respondent_key IS NOT NULL;
