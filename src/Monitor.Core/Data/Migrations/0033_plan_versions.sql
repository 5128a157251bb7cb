-- Plan versions (issue #23): the implementation plan of seed 003 went concept 1 → kernteam → concept 2 (MT member)
-- → concept 3 (Veranderteam) → definitief, and "zal regelmatig worden bijgesteld". A version is a frozen copy of the
-- plan (phase, goals, activities as JSON) saved by the projectleider; its steps say who reviewed it and who decided
-- when, optionally at a meeting of the project. The one 'vastgesteld' version is the baseline reports measure against.
CREATE TABLE plan_versions (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number >= 1),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    status      TEXT NOT NULL CHECK (status IN ('concept', 'terbespreking', 'vastgesteld', 'vervangen')),
    snapshot    TEXT NOT NULL CHECK (json_valid(snapshot)),
    saved_on    TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    UNIQUE (project_id, number),
    UNIQUE (project_id, name)
) STRICT;

-- Only one baseline per project at a time.
CREATE UNIQUE INDEX ux_plan_versions_baseline ON plan_versions (project_id) WHERE status = 'vastgesteld';

-- A version never changes after it was saved; a revision is a new version.
CREATE TRIGGER tr_plan_versions_frozen BEFORE UPDATE OF project_id, number, name, note, snapshot, saved_on ON plan_versions
BEGIN
    SELECT RAISE(ABORT, 'Een planversie verandert niet meer; sla een nieuwe versie op.');
END;

-- A vastgestelde version only becomes vervangen; a vervangen version stays so.
CREATE TRIGGER tr_plan_versions_status BEFORE UPDATE OF status ON plan_versions
WHEN OLD.status = 'vervangen' OR (OLD.status = 'vastgesteld' AND NEW.status <> 'vervangen')
BEGIN
    SELECT RAISE(ABORT, 'Een vastgestelde planversie wordt alleen vervangen door een nieuwe vastgestelde versie.');
END;

-- Each status a version reached: when, at which group (and meeting) and by whom (a role, "lid MT").
CREATE TABLE plan_version_steps (
    id           INTEGER PRIMARY KEY,
    version_id   INTEGER NOT NULL REFERENCES plan_versions (id) ON DELETE CASCADE,
    status       TEXT NOT NULL CHECK (status IN ('concept', 'terbespreking', 'vastgesteld', 'vervangen')),
    happened_on  TEXT NOT NULL,
    group_id     INTEGER REFERENCES project_groups (id) ON DELETE SET NULL,
    meeting_id   INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    who          TEXT NOT NULL DEFAULT '' CHECK (length(who) <= 200),
    note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;
CREATE INDEX ix_plan_version_steps_version ON plan_version_steps (version_id, id);

-- Versions compare activities by a key that is never handed out twice: SQLite may give a new activity the id of one
-- just deleted, which would make a plan difference call a new activity a changed one.
ALTER TABLE plan_activities ADD COLUMN uid TEXT;
UPDATE plan_activities SET uid = lower(hex(randomblob(8)));
CREATE UNIQUE INDEX ux_plan_activities_uid ON plan_activities (uid);
