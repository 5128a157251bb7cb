-- The implementation plan per Movisie phase: goals, activities (the Keuzehulp plan's columns), the MIDI
-- determinants each activity targets, and phase transitions as explicit decisions (gates).

CREATE TABLE phase_goals (
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    phase       INTEGER NOT NULL REFERENCES movisie_phases (number),
    goal        TEXT NOT NULL CHECK (length(goal) BETWEEN 1 AND 4000),
    PRIMARY KEY (project_id, phase)
) STRICT;

CREATE TABLE plan_activities (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    phase           INTEGER NOT NULL REFERENCES movisie_phases (number),
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description     TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    target_group    TEXT NOT NULL CHECK (target_group IN ('professionals', 'clienten', 'management', 'afdelingen', 'overig')),
    actors          TEXT NOT NULL DEFAULT '' CHECK (length(actors) <= 4000),
    barriers        TEXT NOT NULL DEFAULT '' CHECK (length(barriers) <= 4000),
    facilitators    TEXT NOT NULL DEFAULT '' CHECK (length(facilitators) <= 4000),
    preconditions   TEXT NOT NULL DEFAULT '' CHECK (length(preconditions) <= 4000),
    owner           TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 200),
    planned_month   TEXT CHECK (planned_month IS NULL OR planned_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
    status          TEXT NOT NULL CHECK (status IN ('gepland', 'bezig', 'gereed', 'vervallen')),
    started_on      TEXT,
    completed_on    TEXT,
    updated_at      TEXT NOT NULL,
    CHECK (completed_on IS NULL OR started_on IS NULL OR completed_on >= started_on)
) STRICT;
CREATE INDEX ix_plan_activities_project ON plan_activities (project_id, phase);

CREATE TABLE plan_activity_determinants (
    activity_id  INTEGER NOT NULL REFERENCES plan_activities (id) ON DELETE CASCADE,
    determinant  INTEGER NOT NULL REFERENCES midi_determinants (number),
    PRIMARY KEY (activity_id, determinant)
) STRICT;

CREATE TABLE phase_transitions (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    from_phase  INTEGER NOT NULL REFERENCES movisie_phases (number),
    to_phase    INTEGER NOT NULL REFERENCES movisie_phases (number),
    decided_on  TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    decided_by  TEXT NOT NULL,
    CHECK (from_phase <> to_phase)
) STRICT;
CREATE INDEX ix_phase_transitions_project ON phase_transitions (project_id, decided_on);
