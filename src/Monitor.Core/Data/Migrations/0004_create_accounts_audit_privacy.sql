-- Accounts, per-project roles, API tokens, the audit trail and per-project privacy settings.

CREATE TABLE users (
    id                    INTEGER PRIMARY KEY,
    email                 TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
    display_name          TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash         TEXT NOT NULL,
    -- beheerder: may do everything in every project and manage accounts
    is_admin              INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    failed_logins         INTEGER NOT NULL DEFAULT 0,
    locked_until          TEXT,
    must_change_password  INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    is_demo               INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at            TEXT NOT NULL
) STRICT;

-- One role per user per project; a user can have different roles in different projects.
CREATE TABLE project_roles (
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('projectleider', 'onderzoeker', 'management', 'deelnemer')),
    PRIMARY KEY (user_id, project_id)
) STRICT;
CREATE INDEX ix_project_roles_project ON project_roles (project_id);

-- Personal API tokens: only a SHA-256 hash is stored; the prefix lets a user recognise a token.
CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash    TEXT NOT NULL UNIQUE,
    prefix        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT
) STRICT;
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);

-- Who changed what, written in the same transaction as the change. actor_user_id is kept as a
-- plain number (no foreign key) so deleting a person anonymises their entries instead of losing them.
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    actor_user_id  INTEGER,
    actor_name     TEXT NOT NULL,
    project_id     INTEGER,
    entity         TEXT NOT NULL,
    entity_id      INTEGER,
    action         TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    -- JSON object: field -> [old, new]
    changes        TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX ix_audit_log_project ON audit_log (project_id, at);
CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id);

-- Names (clients, colleagues) replaced by a stable code in every export and report of the project.
CREATE TABLE pseudonyms (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
    code        TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
    UNIQUE (project_id, name COLLATE NOCASE),
    UNIQUE (project_id, code)
) STRICT;

ALTER TABLE projects ADD COLUMN retention_months INTEGER CHECK (retention_months IS NULL OR retention_months BETWEEN 1 AND 600);
