-- Projects, their groups, members and meetings. Dates are ISO 8601 text (yyyy-MM-dd), timestamps
-- ISO 8601 UTC with offset; SQLite compares both correctly as text.

CREATE TABLE projects (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 80),
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    organisation   TEXT NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
    innovation     TEXT NOT NULL CHECK (length(innovation) BETWEEN 1 AND 200),
    description    TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    start_date     TEXT NOT NULL,
    end_date       TEXT,
    current_phase  INTEGER NOT NULL REFERENCES movisie_phases (number),
    -- demo projects are the ones a demo reset may delete and load again; real projects are never touched
    is_demo        INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at     TEXT NOT NULL,
    CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;

CREATE TABLE project_groups (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('ontwikkelgroep', 'ontwikkelteam', 'veranderteam', 'kernteam', 'leernetwerk', 'stuurgroep', 'overig')),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    purpose     TEXT NOT NULL DEFAULT '' CHECK (length(purpose) <= 2000),
    cadence     TEXT NOT NULL DEFAULT '' CHECK (length(cadence) <= 200),
    UNIQUE (project_id, name)
) STRICT;
CREATE INDEX ix_project_groups_project ON project_groups (project_id);

CREATE TABLE group_members (
    id            INTEGER PRIMARY KEY,
    group_id      INTEGER NOT NULL REFERENCES project_groups (id) ON DELETE CASCADE,
    role_label    TEXT NOT NULL CHECK (length(role_label) BETWEEN 1 AND 200),
    organisation  TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
    joined_on     TEXT,
    left_on       TEXT,
    CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
) STRICT;
CREATE INDEX ix_group_members_group ON group_members (group_id);

CREATE TABLE meetings (
    id                INTEGER PRIMARY KEY,
    group_id          INTEGER NOT NULL REFERENCES project_groups (id) ON DELETE CASCADE,
    held_on           TEXT NOT NULL,
    -- the seeds give some meetings by month only ("VT: Jul 2019"); 'month' keeps that honest
    date_precision    TEXT NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month')),
    duration_minutes  INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 1440),
    title             TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    note              TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
) STRICT;
CREATE INDEX ix_meetings_group ON meetings (group_id, held_on);

-- Small key/value facts about this database (e.g. when the demo data was loaded).
CREATE TABLE app_settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;
