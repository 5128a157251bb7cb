-- Project organisation as seed 003 ran it (issue #23): guests from other organisations in one group, learning networks
-- in which projects share selected vastgestelde findings and lessons, and client participation per group.

-- A person from another organisation invited into ONE group: their own account, the deelnemer role for that group only
-- (no project role), and the organisation they come from.
CREATE TABLE group_guests (
    id            INTEGER PRIMARY KEY,
    group_id      INTEGER NOT NULL REFERENCES project_groups (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation  TEXT NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
    invited_at    TEXT NOT NULL,
    invited_by    TEXT NOT NULL,
    UNIQUE (group_id, user_id)
) STRICT;
CREATE INDEX ix_group_guests_user ON group_guests (user_id);

-- A learning network (e.g. a community of practice across municipalities) and the projects that take part in it.
CREATE TABLE networks (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
    description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    is_demo      INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE network_projects (
    network_id  INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    joined_at   TEXT NOT NULL,
    PRIMARY KEY (network_id, project_id)
) STRICT;
CREATE INDEX ix_network_projects_project ON network_projects (project_id);

-- What a member project explicitly shares with a network: a finding or a learning-agenda item (its lesson). No foreign
-- key to the item, as it lives in one of two tables; the network reads only items that still are vastgesteld (findings)
-- or concluded with a lesson (agenda items), so a finding taken back to concept disappears from the network at once.
CREATE TABLE network_shares (
    id          INTEGER PRIMARY KEY,
    network_id  INTEGER NOT NULL,
    project_id  INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('bevinding', 'les')),
    item_id     INTEGER NOT NULL,
    shared_at   TEXT NOT NULL,
    shared_by   TEXT NOT NULL,
    UNIQUE (network_id, kind, item_id),
    FOREIGN KEY (network_id, project_id) REFERENCES network_projects (network_id, project_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX ix_network_shares_project ON network_shares (project_id, kind, item_id);

-- Client participation: a moment a party (e.g. the cliëntenraad) was involved, its rung on the participation ladder,
-- what was asked, what was done with it and when that was reported back (the feedback loop).
CREATE TABLE participation_moments (
    id                INTEGER PRIMARY KEY,
    project_id        INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    group_id          INTEGER REFERENCES project_groups (id) ON DELETE SET NULL,
    held_on           TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    level             TEXT NOT NULL CHECK (level IN ('informeren', 'raadplegen', 'adviseren', 'coproduceren', 'meebeslissen')),
    party             TEXT NOT NULL CHECK (length(party) BETWEEN 1 AND 200),
    asked             TEXT NOT NULL DEFAULT '' CHECK (length(asked) <= 4000),
    done_with_it      TEXT NOT NULL DEFAULT '' CHECK (length(done_with_it) <= 4000),
    fed_back_on       TEXT CHECK (fed_back_on IS NULL OR fed_back_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    is_reconstructed  INTEGER NOT NULL DEFAULT 0 CHECK (is_reconstructed IN (0, 1)),
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL
) STRICT;
CREATE INDEX ix_participation_moments_project ON participation_moments (project_id, held_on);
