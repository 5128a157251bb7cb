-- The MIDI survey (issue #18): a questionnaire whose items ask the 29 MIDI determinants' questions, with the shares
-- that make a determinant a barrier or a facilitator (domain.md §1.4: 20 % negative, 80 % positive by default,
-- configurable because the rule is not confirmed in the MIDI manual), and per item the determinant it asks about.

CREATE TABLE midi_surveys (
    questionnaire_id       INTEGER PRIMARY KEY REFERENCES questionnaires (id) ON DELETE CASCADE,
    barrier_threshold      REAL NOT NULL CHECK (barrier_threshold > 0 AND barrier_threshold <= 1),
    facilitator_threshold  REAL NOT NULL CHECK (facilitator_threshold > 0 AND facilitator_threshold <= 1)
) STRICT;

CREATE TABLE midi_survey_items (
    item_id      INTEGER PRIMARY KEY REFERENCES questionnaire_items (id) ON DELETE CASCADE,
    determinant  INTEGER NOT NULL REFERENCES midi_determinants (number)
) STRICT;
