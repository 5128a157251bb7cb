-- One row that the start-up check and /health write, so "healthy" means the file can really be written, not
-- only opened (a read-only, locked-out or full database must not look healthy).
CREATE TABLE health_probe (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    checked_at  TEXT NOT NULL
) STRICT;
