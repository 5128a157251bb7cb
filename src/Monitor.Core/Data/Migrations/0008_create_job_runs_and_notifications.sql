-- What the scheduled jobs did (for the beheerder's job history) and the notifications they leave for people.

CREATE TABLE job_runs (
    id           INTEGER PRIMARY KEY,
    job          TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    outcome      TEXT NOT NULL DEFAULT 'bezig' CHECK (outcome IN ('bezig', 'gelukt', 'mislukt')),
    message      TEXT NOT NULL DEFAULT '' CHECK (length(message) <= 4000)
) STRICT;
CREATE INDEX ix_job_runs_job ON job_runs (job, started_at);

CREATE TABLE notifications (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id  INTEGER REFERENCES projects (id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body        TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
    link        TEXT NOT NULL DEFAULT '' CHECK (link = '' OR link GLOB '/*'),
    -- the same reminder is never sent twice: (user, key) is unique, e.g. 'overdue:17:2021-06-15'
    dedupe_key  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    read_at     TEXT,
    UNIQUE (user_id, dedupe_key)
) STRICT;
CREATE INDEX ix_notifications_user ON notifications (user_id, read_at);
