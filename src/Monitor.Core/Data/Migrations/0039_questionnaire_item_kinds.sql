-- foreign_keys: off
-- More item kinds (issue #18): getal (a number, optional bounds), enkelekeuze (one option, stored as its position 1..k)
-- and meerderekeuzes (several options, stored as one answer whose text holds the ticked positions, "1;3"). Choice items
-- carry their options and 5-point items may carry their own answer labels ("nooit … altijd"), both as JSON arrays of
-- strings; the store checks their count and length, the CHECKs below keep them valid JSON arrays of bounded size.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt (the migrator runs this with foreign keys
-- off and checks them before it commits): survey_answers and midi_survey_items refer to questionnaire_items by name
-- and keep pointing at the same ids, which the copy preserves.

CREATE TABLE questionnaire_items_new (
    id                INTEGER PRIMARY KEY,
    questionnaire_id  INTEGER NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    section           TEXT NOT NULL DEFAULT '' CHECK (length(section) <= 200),
    text              TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    kind              TEXT NOT NULL CHECK (kind IN ('likert5', 'smiley5', 'cijfer10', 'janeeweetniet', 'open', 'getal', 'enkelekeuze', 'meerderekeuzes')),
    reverse_scored    INTEGER NOT NULL DEFAULT 0 CHECK (reverse_scored IN (0, 1)),
    -- the options of a choice item (2–20, each at most 200 characters)
    options           TEXT CHECK (options IS NULL OR (json_valid(options) AND json_type(options) = 'array' AND length(options) <= 5000)),
    -- the answer labels of a 5-point item (5, lowest first); NULL: the kind's default labels
    labels            TEXT CHECK (labels IS NULL OR (json_valid(labels) AND json_type(labels) = 'array' AND length(labels) <= 2000)),
    -- the bounds of a number item, both optional
    min_value         REAL,
    max_value         REAL,
    CHECK (options IS NULL OR kind IN ('enkelekeuze', 'meerderekeuzes')),
    CHECK (labels IS NULL OR kind IN ('likert5', 'smiley5')),
    CHECK ((min_value IS NULL AND max_value IS NULL) OR kind = 'getal'),
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value < max_value),
    UNIQUE (questionnaire_id, position)
) STRICT;

INSERT INTO questionnaire_items_new (id, questionnaire_id, position, section, text, kind, reverse_scored)
SELECT id, questionnaire_id, position, section, text, kind, reverse_scored FROM questionnaire_items;

DROP TABLE questionnaire_items;
ALTER TABLE questionnaire_items_new RENAME TO questionnaire_items;
