-- Reference frameworks are data, not code: the UI shows them read-only and every row names the
-- framework version it belongs to, so a later correction (e.g. checked MIDI wording) is a new migration.

CREATE TABLE reference_frameworks (
    code      TEXT PRIMARY KEY CHECK (code IN ('movisie', 'midi', 'bowen')),
    title     TEXT NOT NULL,
    version   TEXT NOT NULL,
    citation  TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
) STRICT;

-- Movisie implementation phases 0..5 (shared/domain.md §2.2, seed 003).
CREATE TABLE movisie_phases (
    number            INTEGER PRIMARY KEY CHECK (number BETWEEN 0 AND 5),
    name_nl           TEXT NOT NULL,
    name_en           TEXT NOT NULL,
    description_nl    TEXT NOT NULL DEFAULT '',  -- verbatim from seed 003; empty for phase 0
    grol_stage_en     TEXT NOT NULL DEFAULT '',  -- Grol & Wensing equivalent (alignment, see domain.md)
    movisie_grouping  TEXT NOT NULL CHECK (movisie_grouping IN ('ontwikkeling', 'verspreiden', 'invoeren'))
) STRICT;

CREATE TABLE movisie_phase_activities (
    phase_number  INTEGER NOT NULL REFERENCES movisie_phases (number),
    position      INTEGER NOT NULL CHECK (position >= 1),
    text_nl       TEXT NOT NULL,
    PRIMARY KEY (phase_number, position)
) STRICT;

-- MIDI (Fleuren et al. 2014): 29 determinants in 4 groups.
CREATE TABLE midi_groups (
    code      TEXT PRIMARY KEY CHECK (code IN ('innovation', 'user', 'organisation', 'context')),
    position  INTEGER NOT NULL UNIQUE,
    name_nl   TEXT NOT NULL,
    name_en   TEXT NOT NULL
) STRICT;

CREATE TABLE midi_determinants (
    number               INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 29),
    group_code           TEXT NOT NULL REFERENCES midi_groups (code),
    name_nl              TEXT NOT NULL,
    name_en              TEXT NOT NULL,
    guiding_question_nl  TEXT NOT NULL,
    answer_scale         TEXT NOT NULL CHECK (answer_scale IN ('likert5', 'percentage', 'yes_no_unknown')),
    reverse_scored       INTEGER NOT NULL DEFAULT 0 CHECK (reverse_scored IN (0, 1)),
    -- 1 only where the wording was checked against a primary source; 3..29 must still be
    -- checked against the MIDI manual before the UI presents them as official MIDI text.
    wording_verified     INTEGER NOT NULL DEFAULT 0 CHECK (wording_verified IN (0, 1))
) STRICT;

-- Bowen et al. (2009) feasibility areas of focus.
CREATE TABLE bowen_areas (
    number           INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 8),
    name_en          TEXT NOT NULL,
    name_nl          TEXT NOT NULL,
    key_question_en  TEXT NOT NULL,
    key_question_nl  TEXT NOT NULL,
    outcomes_en      TEXT NOT NULL,
    -- the four areas seed 000 (Samen Beslissen) collected input for; the default set for a new project
    is_default       INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))
) STRICT;
