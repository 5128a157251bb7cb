-- REFI-QDA exchange without loss (issue #17).
-- A coder found in an imported .qdpx (a REFI-QDA User) stays a coder of its own, known by its GUID, instead of being
-- matched to a local account by display name or folded into the importing user. user_id is set only when a researcher
-- confirms that the file coder is that account; its codings then count as that account's.
CREATE TABLE file_coders (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    guid        TEXT NOT NULL,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    origin      TEXT NOT NULL DEFAULT '' CHECK (length(origin) <= 200),
    user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    mapped_at   TEXT,
    mapped_by   TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (project_id, guid)
) STRICT;

-- The file coder of an imported coding; coder_id stays NULL until the mapping to an account is confirmed.
ALTER TABLE codings ADD COLUMN file_coder_id INTEGER REFERENCES file_coders (id) ON DELETE SET NULL;
CREATE INDEX ix_codings_file_coder ON codings (file_coder_id) WHERE file_coder_id IS NOT NULL;

-- Respondent and case attributes of a document (REFI-QDA Variables of its source and of the Cases it belongs to):
-- getraind/ongetraind, team, gender ... Exported back as variables of the source.
CREATE TABLE document_attributes (
    document_id  INTEGER NOT NULL REFERENCES coding_documents (id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    value        TEXT NOT NULL CHECK (length(value) <= 2000),
    PRIMARY KEY (document_id, name)
) STRICT;
