-- Effect measurement (issue #18): questionnaires with items, measurement rounds (voormeting, nameting) with an
-- anonymous link per condition (trained, untrained), and the responses: from the web form, typed in from a paper card or
-- imported. No IP address or other identifying data is stored with a response.

CREATE TABLE questionnaires (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    target_group  TEXT NOT NULL CHECK (target_group IN ('professionals', 'clienten')),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    UNIQUE (project_id, title)
) STRICT;

CREATE TABLE questionnaire_items (
    id                INTEGER PRIMARY KEY,
    questionnaire_id  INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    section           TEXT NOT NULL DEFAULT '' CHECK (length(section) <= 200),
    text              TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    kind              TEXT NOT NULL CHECK (kind IN ('likert5', 'smiley5', 'cijfer10', 'janeeweetniet', 'open')),
    reverse_scored    INTEGER NOT NULL DEFAULT 0 CHECK (reverse_scored IN (0, 1)),
    UNIQUE (questionnaire_id, position)
) STRICT;

CREATE TABLE measurement_rounds (
    id                INTEGER PRIMARY KEY,
    questionnaire_id  INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    measurement       TEXT NOT NULL CHECK (measurement IN ('voormeting', 'nameting')),
    opens_on          TEXT NOT NULL CHECK (opens_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    closes_on         TEXT NOT NULL CHECK (closes_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- the respondents intended, for the response rate
    intended          INTEGER CHECK (intended IS NULL OR intended BETWEEN 1 AND 1000000),
    sidedness         TEXT NOT NULL DEFAULT 'tweezijdig' CHECK (sidedness IN ('tweezijdig', 'groter', 'kleiner')),
    created_at        TEXT NOT NULL,
    CHECK (closes_on >= opens_on)
) STRICT;

-- One anonymous link per round and condition; the token is stored as its SHA-256 hash.
CREATE TABLE round_links (
    id          INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL REFERENCES measurement_rounds (id) ON DELETE CASCADE,
    condition   TEXT NOT NULL CHECK (condition IN ('getraind', 'ongetraind')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
) STRICT;

CREATE TABLE survey_responses (
    id          INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL REFERENCES measurement_rounds (id) ON DELETE CASCADE,
    condition   TEXT NOT NULL CHECK (condition IN ('getraind', 'ongetraind')),
    source      TEXT NOT NULL CHECK (source IN ('web', 'papier', 'import')),
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX ix_survey_responses_round ON survey_responses (round_id);

CREATE TABLE survey_answers (
    response_id  INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES questionnaire_items (id) ON DELETE CASCADE,
    value        REAL,
    text         TEXT CHECK (text IS NULL OR length(text) <= 2000),
    PRIMARY KEY (response_id, item_id)
) STRICT;
