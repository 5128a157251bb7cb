-- Reflexive monitoring (issue #19): the learning agenda of a project (leervragen and knelpunten with their status over
-- time, actions, what was learned and linked sources) and the high and low points participants mark on its timeline.

CREATE TABLE learning_items (
    id                INTEGER PRIMARY KEY,
    project_id        INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind              TEXT NOT NULL CHECK (kind IN ('leervraag', 'knelpunt')),
    title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description       TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    owner             TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 200),
    actions           TEXT NOT NULL DEFAULT '' CHECK (length(actions) <= 4000),
    learned           TEXT NOT NULL DEFAULT '' CHECK (length(learned) <= 4000),
    -- the current status; the history below keeps every change
    status            TEXT NOT NULL CHECK (status IN ('open', 'inuitvoering', 'opgelost', 'losgelaten')),
    -- demo data rebuilt afterwards from a report (seed 003) rather than kept at the time
    is_reconstructed  INTEGER NOT NULL DEFAULT 0 CHECK (is_reconstructed IN (0, 1)),
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL
) STRICT;
CREATE INDEX ix_learning_items_project ON learning_items (project_id);

-- Every status an item had, from the day it was put on the agenda; answers "what was on the agenda at meeting X".
CREATE TABLE learning_item_statuses (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES learning_items (id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('open', 'inuitvoering', 'opgelost', 'losgelaten')),
    changed_on  TEXT NOT NULL CHECK (changed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    changed_by  TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000)
) STRICT;
CREATE INDEX ix_learning_item_statuses_item ON learning_item_statuses (item_id, changed_on);

-- What an item came from or refers to: a meeting, a reflection (its "minder gewerkt" answer), an action item, a finding.
-- No foreign key, as the source lives in one of four tables; the store checks it belongs to the project.
CREATE TABLE learning_item_sources (
    item_id    INTEGER NOT NULL REFERENCES learning_items (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('bijeenkomst', 'reflectie', 'actiepunt', 'bevinding')),
    source_id  INTEGER NOT NULL,
    PRIMARY KEY (item_id, kind, source_id)
) STRICT;

-- High and low points ("hoogte- en dieptepunten") on the project's timeline, each with a short story.
CREATE TABLE timeline_moments (
    id                INTEGER PRIMARY KEY,
    project_id        INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    group_id          INTEGER REFERENCES project_groups (id) ON DELETE CASCADE,
    occurred_on       TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind              TEXT NOT NULL CHECK (kind IN ('hoogtepunt', 'dieptepunt')),
    title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    story             TEXT NOT NULL DEFAULT '' CHECK (length(story) <= 2000),
    is_reconstructed  INTEGER NOT NULL DEFAULT 0 CHECK (is_reconstructed IN (0, 1)),
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL
) STRICT;
CREATE INDEX ix_timeline_moments_project ON timeline_moments (project_id, occurred_on);
