-- foreign_keys: off
-- An answer in an anonymous group keeps no member or guest id in the database (issue #26): only the meeting, the
-- texts and the edit key of whoever gave it. Existing answers of anonymous groups lose their author here.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt (the migrator runs this with foreign
-- keys off and checks them before it commits: https://www.sqlite.org/lang_altertable.html, section 7).

CREATE TABLE reflections_new (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    member_id       INTEGER REFERENCES group_members (id) ON DELETE CASCADE,
    guest_id        INTEGER REFERENCES meeting_guests (id) ON DELETE CASCADE,
    anonymous       INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
    went_well       TEXT NOT NULL DEFAULT '' CHECK (length(went_well) <= 2000),
    went_less       TEXT NOT NULL DEFAULT '' CHECK (length(went_less) <= 2000),
    source          TEXT NOT NULL CHECK (source IN ('secretaris', 'link', 'api', 'demo')),
    -- SHA-256 of the key a member got when answering through the link, so they (and only they) can edit it
    edit_key_hash   TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (CASE anonymous WHEN 1 THEN member_id IS NULL AND guest_id IS NULL ELSE (member_id IS NULL) <> (guest_id IS NULL) END),
    UNIQUE (meeting_id, member_id),
    UNIQUE (meeting_id, guest_id)
) STRICT;

INSERT INTO reflections_new (id, meeting_id, member_id, guest_id, anonymous, went_well, went_less, source, edit_key_hash, created_at, updated_at)
SELECT r.id, r.meeting_id,
       CASE WHEN g.reflections_anonymous = 1 THEN NULL ELSE r.member_id END,
       CASE WHEN g.reflections_anonymous = 1 THEN NULL ELSE r.guest_id END,
       g.reflections_anonymous, r.went_well, r.went_less, r.source, r.edit_key_hash, r.created_at, r.updated_at
FROM reflections r JOIN meetings m ON m.id = r.meeting_id JOIN project_groups g ON g.id = m.group_id;

DROP TABLE reflections;
ALTER TABLE reflections_new RENAME TO reflections;
CREATE INDEX ix_reflections_edit_key ON reflections (meeting_id, edit_key_hash) WHERE edit_key_hash IS NOT NULL;
