-- Meetings as the backbone of the tool (issue #4): status, place, minutes, attendance, guests, agenda,
-- decisions, action items, closing reflections with their follow-up, reflection links and full-text search.

-- Structured cadence (null = ad hoc) next to the free text, and whether reflections are shown without names.
ALTER TABLE project_groups ADD COLUMN cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 366);
ALTER TABLE project_groups ADD COLUMN reflections_anonymous INTEGER NOT NULL DEFAULT 0 CHECK (reflections_anonymous IN (0, 1));

-- A member who replaces someone who left; the one who left keeps their row (history).
ALTER TABLE group_members ADD COLUMN replaces_member_id INTEGER REFERENCES group_members (id) ON DELETE SET NULL;

ALTER TABLE meetings ADD COLUMN status TEXT NOT NULL DEFAULT 'gehouden' CHECK (status IN ('gepland', 'gehouden', 'geannuleerd'));
-- local wall-clock time in Europe/Amsterdam, HH:mm
ALTER TABLE meetings ADD COLUMN starts_at TEXT CHECK (starts_at IS NULL OR length(starts_at) = 5);
ALTER TABLE meetings ADD COLUMN location TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 200);
ALTER TABLE meetings ADD COLUMN minutes TEXT NOT NULL DEFAULT '' CHECK (length(minutes) <= 50000);
ALTER TABLE meetings ADD COLUMN minutes_approved INTEGER NOT NULL DEFAULT 0 CHECK (minutes_approved IN (0, 1));

CREATE TABLE meeting_attendance (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES group_members (id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('aanwezig', 'afgemeld', 'afwezig')),
    PRIMARY KEY (meeting_id, member_id)
) STRICT;
CREATE INDEX ix_meeting_attendance_member ON meeting_attendance (member_id);

CREATE TABLE meeting_guests (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    organisation  TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200)
) STRICT;
CREATE INDEX ix_meeting_guests_meeting ON meeting_guests (meeting_id);

CREATE TABLE agenda_items (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    notes         TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    -- the items the tool puts in front of every agenda: the look-back at the previous meeting
    is_look_back  INTEGER NOT NULL DEFAULT 0 CHECK (is_look_back IN (0, 1))
) STRICT;
CREATE INDEX ix_agenda_items_meeting ON agenda_items (meeting_id, position);

CREATE TABLE meeting_decisions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000)
) STRICT;
CREATE INDEX ix_meeting_decisions_meeting ON meeting_decisions (meeting_id);

CREATE TABLE action_items (
    id                    INTEGER PRIMARY KEY,
    group_id              INTEGER NOT NULL REFERENCES project_groups (id) ON DELETE CASCADE,
    meeting_id            INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    description           TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    owner_member_id       INTEGER REFERENCES group_members (id) ON DELETE SET NULL,
    due_on                TEXT,
    status                TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'gedaan', 'vervallen')),
    closed_in_meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    closed_on             TEXT,
    created_at            TEXT NOT NULL
) STRICT;
CREATE INDEX ix_action_items_group ON action_items (group_id, status);
CREATE INDEX ix_action_items_meeting ON action_items (meeting_id);

CREATE TABLE reflections (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    member_id       INTEGER REFERENCES group_members (id) ON DELETE CASCADE,
    guest_id        INTEGER REFERENCES meeting_guests (id) ON DELETE CASCADE,
    went_well       TEXT NOT NULL DEFAULT '' CHECK (length(went_well) <= 2000),
    went_less       TEXT NOT NULL DEFAULT '' CHECK (length(went_less) <= 2000),
    source          TEXT NOT NULL CHECK (source IN ('secretaris', 'link', 'api', 'demo')),
    -- SHA-256 of the key a member got when answering through the link, so they (and only they) can edit it
    edit_key_hash   TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((member_id IS NULL) <> (guest_id IS NULL)),
    UNIQUE (meeting_id, member_id),
    UNIQUE (meeting_id, guest_id)
) STRICT;

-- What was done with a "minder gewerkt" answer, recorded in a later meeting's look-back.
CREATE TABLE reflection_followups (
    reflection_id  INTEGER PRIMARY KEY REFERENCES reflections (id) ON DELETE CASCADE,
    meeting_id     INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text           TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL
) STRICT;
CREATE INDEX ix_reflection_followups_meeting ON reflection_followups (meeting_id);

-- A per-meeting link with which members answer the closing question without an account.
-- Only the SHA-256 of the token is stored.
CREATE TABLE reflection_links (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    expires_at  TEXT NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) STRICT;
CREATE INDEX ix_reflection_links_meeting ON reflection_links (meeting_id);

-- Full-text search over minutes, agenda items, decisions and reflections. remove_diacritics 2 folds
-- cliënt to client and case, so Dutch spelling variants find each other. Rows are rewritten per meeting
-- by the store in the transaction of every change.
CREATE VIRTUAL TABLE meeting_search USING fts5 (
    kind UNINDEXED,
    meeting_id UNINDEXED,
    project_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
