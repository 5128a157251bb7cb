-- Findings (issue #7): success factors, lessons learned and advice per project, with their MIDI determinants,
-- Bowen areas, phase and evidence (coded fragments, reflections, meetings, plan activities); the status flow
-- concept → besproken (joint session recorded) → vastgesteld, and the history of every change.
-- Reports: project copies of the report templates (the built-in ones live in templates/ and are embedded)
-- and a snapshot of every generated report, stored unchanged.

CREATE TABLE findings (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('succesfactor', 'les', 'advies')),
    heading      TEXT NOT NULL DEFAULT '' CHECK (length(heading) <= 200),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    explanation  TEXT NOT NULL DEFAULT '' CHECK (length(explanation) <= 8000),
    phase        INTEGER REFERENCES movisie_phases (number),
    status       TEXT NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'besproken', 'vastgesteld')),
    position     INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX ix_findings_project ON findings (project_id, kind, position);

CREATE TABLE finding_determinants (
    finding_id   INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    determinant  INTEGER NOT NULL REFERENCES midi_determinants (number),
    PRIMARY KEY (finding_id, determinant)
) STRICT;

CREATE TABLE finding_bowen_areas (
    finding_id  INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    area        INTEGER NOT NULL REFERENCES bowen_areas (number),
    PRIMARY KEY (finding_id, area)
) STRICT;

CREATE TABLE finding_evidence (
    id             INTEGER PRIMARY KEY,
    finding_id     INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('codering', 'reflectie', 'bijeenkomst', 'activiteit')),
    coding_id      INTEGER REFERENCES codings (id) ON DELETE CASCADE,
    reflection_id  INTEGER REFERENCES reflections (id) ON DELETE CASCADE,
    meeting_id     INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
    activity_id    INTEGER REFERENCES plan_activities (id) ON DELETE CASCADE,
    note           TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    added_at       TEXT NOT NULL,
    added_by       TEXT NOT NULL,
    CHECK ((kind = 'codering') = (coding_id IS NOT NULL)),
    CHECK ((kind = 'reflectie') = (reflection_id IS NOT NULL)),
    CHECK ((kind = 'bijeenkomst') = (meeting_id IS NOT NULL)),
    CHECK ((kind = 'activiteit') = (activity_id IS NOT NULL))
) STRICT;
CREATE INDEX ix_finding_evidence_finding ON finding_evidence (finding_id);
CREATE UNIQUE INDEX ux_finding_evidence_item ON finding_evidence (finding_id, kind, coalesce(coding_id, reflection_id, meeting_id, activity_id));

-- The joint session in which a finding was discussed (besproken): when, who, what changed.
CREATE TABLE finding_sessions (
    id            INTEGER PRIMARY KEY,
    finding_id    INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    held_on       TEXT NOT NULL,
    participants  TEXT NOT NULL CHECK (length(participants) BETWEEN 1 AND 1000),
    changes       TEXT NOT NULL DEFAULT '' CHECK (length(changes) <= 4000),
    recorded_at   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL
) STRICT;
CREATE INDEX ix_finding_sessions_finding ON finding_sessions (finding_id);

-- Every change of a finding: the whole finding after the change, as JSON.
CREATE TABLE finding_history (
    id          INTEGER PRIMARY KEY,
    finding_id  INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    by          TEXT NOT NULL,
    action      TEXT NOT NULL,
    snapshot    TEXT NOT NULL
) STRICT;
CREATE INDEX ix_finding_history_finding ON finding_history (finding_id, id);

-- Suggestions the researcher dismissed (so they do not come back).
CREATE TABLE finding_suggestion_dismissals (
    project_id      INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    suggestion_key  TEXT NOT NULL CHECK (length(suggestion_key) <= 100),
    dismissed_at    TEXT NOT NULL,
    dismissed_by    TEXT NOT NULL,
    PRIMARY KEY (project_id, suggestion_key)
) STRICT;

-- A project's own copy of a report template; every save is a new version.
CREATE TABLE report_templates (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    report_type  TEXT NOT NULL CHECK (report_type IN ('voortgang', 'procesevaluatie')),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    body         TEXT NOT NULL CHECK (length(body) <= 100000),
    version      INTEGER NOT NULL DEFAULT 1,
    based_on     TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    UNIQUE (project_id, name)
) STRICT;

-- Every generated report, stored as it was delivered.
CREATE TABLE report_snapshots (
    id                INTEGER PRIMARY KEY,
    project_id        INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    report_type       TEXT NOT NULL CHECK (report_type IN ('voortgang', 'procesevaluatie')),
    template_name     TEXT NOT NULL,
    template_version  TEXT NOT NULL,
    parameters        TEXT NOT NULL,
    markdown          TEXT NOT NULL,
    html              TEXT NOT NULL,
    sha256            TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL
) STRICT;
CREATE INDEX ix_report_snapshots_project ON report_snapshots (project_id, report_type, id);
