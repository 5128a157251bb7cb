-- Qualitative coding (issue #6): codebooks (built-in MIDI, Movisie and Bowen, plus project codebooks with
-- hierarchical custom codes), documents to code (minutes, closing reflections, uploads) with immutable text
-- versions, codings with valence, coder and time, blind double-coding rounds and their settlement.
-- Offsets are Unicode code points, end exclusive (REFI-QDA semantics).

CREATE TABLE codebooks (
    id           INTEGER PRIMARY KEY,
    -- NULL: a built-in codebook every project can use
    project_id   INTEGER REFERENCES projects (id) ON DELETE CASCADE,
    framework    TEXT CHECK (framework IS NULL OR framework IN ('midi', 'movisie', 'bowen')),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    version      TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 50),
    description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    -- GUIDs are unique per project, not per database: an export imported into another project keeps them
    guid         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    CHECK ((project_id IS NULL) = (framework IS NOT NULL))
) STRICT;
CREATE INDEX ix_codebooks_project ON codebooks (project_id);
CREATE UNIQUE INDEX ux_codebooks_guid ON codebooks (coalesce(project_id, 0), guid);

CREATE TABLE codes (
    id           INTEGER PRIMARY KEY,
    codebook_id  INTEGER NOT NULL REFERENCES codebooks (id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES codes (id) ON DELETE CASCADE,
    -- stable key of a built-in code (midi-12, bowen-3, movisie-4, midi-groep-user); NULL for custom codes
    key          TEXT UNIQUE,
    name_nl      TEXT NOT NULL CHECK (length(name_nl) BETWEEN 1 AND 200),
    name_en      TEXT NOT NULL CHECK (length(name_en) <= 200),
    definition   TEXT NOT NULL DEFAULT '' CHECK (length(definition) <= 4000),
    guidance     TEXT NOT NULL DEFAULT '' CHECK (length(guidance) <= 4000),
    is_codable   INTEGER NOT NULL DEFAULT 1 CHECK (is_codable IN (0, 1)),
    position     INTEGER NOT NULL,
    color        TEXT CHECK (color IS NULL OR (length(color) = 7 AND substr(color, 1, 1) = '#')),
    guid         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (codebook_id, guid)
) STRICT;
CREATE INDEX ix_codes_codebook ON codes (codebook_id, parent_id, position);
CREATE INDEX ix_codes_guid ON codes (guid);

CREATE TABLE coding_documents (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('verslag', 'reflectie', 'upload')),
    -- the meeting whose minutes (or whose reflection) this is; kept when the meeting goes, the coded text stays
    meeting_id     INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    reflection_id  INTEGER REFERENCES reflections (id) ON DELETE SET NULL,
    title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    -- uploads: interview, vragenlijst, overig; and the original file name
    source_type    TEXT NOT NULL DEFAULT '' CHECK (length(source_type) <= 50),
    file_name      TEXT NOT NULL DEFAULT '' CHECK (length(file_name) <= 260),
    guid           TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    UNIQUE (project_id, guid)
) STRICT;
CREATE INDEX ix_coding_documents_project ON coding_documents (project_id, kind);
CREATE UNIQUE INDEX ux_coding_documents_minutes ON coding_documents (meeting_id) WHERE kind = 'verslag' AND meeting_id IS NOT NULL;
CREATE UNIQUE INDEX ux_coding_documents_reflection ON coding_documents (reflection_id) WHERE reflection_id IS NOT NULL;

-- Text is normalised once on entry (no BOM, LF, NFC) and never changed: an edit is a new version.
CREATE TABLE document_versions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES coding_documents (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL CHECK (number >= 1),
    text         TEXT NOT NULL,
    length       INTEGER NOT NULL CHECK (length >= 0),   -- in code points
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    UNIQUE (document_id, number)
) STRICT;

CREATE TABLE coding_rounds (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'gesloten')),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    closed_at   TEXT
) STRICT;
CREATE INDEX ix_coding_rounds_project ON coding_rounds (project_id);

CREATE TABLE coding_round_coders (
    round_id  INTEGER NOT NULL REFERENCES coding_rounds (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, user_id)
) STRICT;

CREATE TABLE coding_round_documents (
    round_id     INTEGER NOT NULL REFERENCES coding_rounds (id) ON DELETE CASCADE,
    document_id  INTEGER NOT NULL REFERENCES coding_documents (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, document_id)
) STRICT;

CREATE TABLE codings (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    version_id    INTEGER NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
    code_id       INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
    start_pos     INTEGER NOT NULL CHECK (start_pos >= 0),
    end_pos       INTEGER NOT NULL CHECK (end_pos > start_pos),
    valence       TEXT NOT NULL CHECK (valence IN ('bevorderend', 'belemmerend', 'gemengd', 'neutraal')),
    memo          TEXT NOT NULL DEFAULT '' CHECK (length(memo) <= 2000),
    -- NULL once the coder's account is deleted; the coding keeps a neutral label in external_coder_name
    coder_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- NULL: regular coding; otherwise an individual blind coding in that round, or (is_consensus) its settlement
    round_id      INTEGER REFERENCES coding_rounds (id) ON DELETE CASCADE,
    is_consensus  INTEGER NOT NULL DEFAULT 0 CHECK (is_consensus IN (0, 1)),
    guid          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    -- a coding imported from another tool keeps its coder's REFI-QDA user (coder_id is then the importer)
    external_coder_guid  TEXT,
    external_coder_name  TEXT CHECK (external_coder_name IS NULL OR length(external_coder_name) <= 200),
    -- removed codings are kept so that "undo" can bring them back
    removed_at    TEXT,
    -- set when a new version of the text could not carry the fragment; the coding stays on its old version
    unplaced_at   TEXT,
    CHECK (is_consensus = 0 OR round_id IS NOT NULL),
    UNIQUE (project_id, guid)
) STRICT;
CREATE INDEX ix_codings_version ON codings (version_id, code_id);
CREATE INDEX ix_codings_project ON codings (project_id, code_id);
CREATE INDEX ix_codings_round ON codings (round_id);

-- How a disagreement of a closed round was settled.
CREATE TABLE coding_settlements (
    round_id    INTEGER NOT NULL REFERENCES coding_rounds (id) ON DELETE CASCADE,
    coding_id   INTEGER NOT NULL REFERENCES codings (id) ON DELETE CASCADE,
    decision    TEXT NOT NULL CHECK (decision IN ('overgenomen', 'afgewezen')),
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    PRIMARY KEY (round_id, coding_id)
) STRICT;

-- Each coder's add/remove actions, newest last, for "undo".
CREATE TABLE coding_actions (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    action      TEXT NOT NULL CHECK (action IN ('toegevoegd', 'verwijderd')),
    coding_id   INTEGER NOT NULL REFERENCES codings (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;
CREATE INDEX ix_coding_actions_user ON coding_actions (project_id, user_id, id);

-- Built-in codebooks from the reference frameworks. GUIDs are fixed so that exports are stable:
-- 4d494449 = "MIDI", 4d6f7669 = "Movi", 426f7765 = "Bowe" in hex.
INSERT INTO codebooks (id, project_id, framework, name, version, description, guid, created_at) VALUES
    (1, NULL, 'midi', 'MIDI-determinanten', 'MIDI 2014 · codeboek 1', 'De 29 determinanten van het Meetinstrument Determinanten van Innovaties (Fleuren e.a., 2014) in vier groepen. Codeer een fragment met de determinant die het beschrijft en geef aan of die de implementatie bevordert of belemmert.', '4d494449-0000-4000-8000-000000000000', '2026-11-30T00:00:00+00:00'),
    (2, NULL, 'movisie', 'Movisie-implementatiefasen', 'Toolkit Implementatie · codeboek 1', 'De fasen van de Movisie Toolkit Implementatie: ontwikkelen, weten, begrijpen, willen, doen, blijven doen.', '4d6f7669-0000-4000-8000-000000000000', '2026-11-30T00:00:00+00:00'),
    (3, NULL, 'bowen', 'Principes van Bowen', 'Bowen 2009 · codeboek 1', 'De acht aandachtsgebieden voor haalbaarheidsonderzoek van Bowen e.a. (2009).', '426f7765-0000-4000-8000-000000000000', '2026-11-30T00:00:00+00:00');

INSERT INTO codes (codebook_id, parent_id, key, name_nl, name_en, definition, guidance, is_codable, position, guid, created_at)
SELECT 1, NULL, 'midi-groep-' || code, name_nl, name_en, '', '', 0, position,
       '4d494449-0001-4000-8000-' || printf('%012d', position), '2026-11-30T00:00:00+00:00'
FROM midi_groups;

INSERT INTO codes (codebook_id, parent_id, key, name_nl, name_en, definition, guidance, is_codable, position, guid, created_at)
SELECT 1, (SELECT c.id FROM codes c WHERE c.key = 'midi-groep-' || d.group_code), 'midi-' || d.number, d.name_nl, d.name_en,
       'Vraag in het MIDI: "' || d.guiding_question_nl || '"', '', 1, d.number,
       '4d494449-0002-4000-8000-' || printf('%012d', d.number), '2026-11-30T00:00:00+00:00'
FROM midi_determinants d;

INSERT INTO codes (codebook_id, parent_id, key, name_nl, name_en, definition, guidance, is_codable, position, guid, created_at)
SELECT 2, NULL, 'movisie-' || number, name_nl, name_en, description_nl, '', 1, number,
       '4d6f7669-0002-4000-8000-' || printf('%012d', number), '2026-11-30T00:00:00+00:00'
FROM movisie_phases;

INSERT INTO codes (codebook_id, parent_id, key, name_nl, name_en, definition, guidance, is_codable, position, guid, created_at)
SELECT 3, NULL, 'bowen-' || number, name_nl, name_en, key_question_nl, '', 1, number,
       '426f7765-0002-4000-8000-' || printf('%012d', number), '2026-11-30T00:00:00+00:00'
FROM bowen_areas;
