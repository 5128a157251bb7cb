-- Agreement that can go into a report (issue #17). A round's figures are computed once, when it closes, on the
-- document versions its codings were on, and kept: editing the minutes afterwards (a new version) no longer moves
-- a published κ or α. The figures are the JSON of Monitor.Core.Coding.RoundFigures; the versions they were computed
-- on are rows, so a version can be shown ("berekend op versie 2 van ...") and is never deleted under them.
-- late = 1: the round was closed before this migration; its figures were fixed the first time they were read.
CREATE TABLE coding_round_results (
    round_id     INTEGER PRIMARY KEY REFERENCES coding_rounds (id) ON DELETE CASCADE,
    figures      TEXT NOT NULL CHECK (json_valid(figures)),
    computed_at  TEXT NOT NULL,
    late         INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1))
) STRICT;

CREATE TABLE coding_round_versions (
    round_id     INTEGER NOT NULL REFERENCES coding_rounds (id) ON DELETE CASCADE,
    document_id  INTEGER NOT NULL REFERENCES coding_documents (id) ON DELETE CASCADE,
    version_id   INTEGER NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, document_id)
) STRICT;

-- Every character-level place where the coders of a closed round differ, to settle: 'overlap' = some but not all
-- coders coded it with this code (partial overlap included); 'valentie' = all coded it with this code but with
-- different valences. Offsets are code points into version_id (immutable), end exclusive. The consensus of a round
-- is what all coders agreed on plus what was settled as 'overgenomen' (with valence).
CREATE TABLE coding_round_differences (
    id           INTEGER PRIMARY KEY,
    round_id     INTEGER NOT NULL REFERENCES coding_rounds (id) ON DELETE CASCADE,
    version_id   INTEGER NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
    code_id      INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
    start_pos    INTEGER NOT NULL CHECK (start_pos >= 0),
    end_pos      INTEGER NOT NULL CHECK (end_pos > start_pos),
    kind         TEXT NOT NULL CHECK (kind IN ('overlap', 'valentie')),
    decision     TEXT CHECK (decision IS NULL OR decision IN ('overgenomen', 'afgewezen')),
    valence      TEXT CHECK (valence IS NULL OR valence IN ('bevorderend', 'belemmerend', 'gemengd', 'neutraal')),
    decided_by   TEXT,
    decided_at   TEXT,
    CHECK ((decision IS NULL) = (decided_at IS NULL)),
    CHECK (decision = 'overgenomen' OR valence IS NULL)
) STRICT;
CREATE INDEX ix_coding_round_differences_round ON coding_round_differences (round_id, version_id, start_pos);

-- Which coders coded the place of a difference (with which of their codings and valence); the others did not.
CREATE TABLE coding_round_difference_coders (
    difference_id  INTEGER NOT NULL REFERENCES coding_round_differences (id) ON DELETE CASCADE,
    coding_id      INTEGER NOT NULL REFERENCES codings (id) ON DELETE CASCADE,
    valence        TEXT NOT NULL CHECK (valence IN ('bevorderend', 'belemmerend', 'gemengd', 'neutraal')),
    PRIMARY KEY (difference_id, coding_id)
) STRICT;
