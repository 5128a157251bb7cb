-- The ASP.NET Core data-protection key ring (issue #20): the keys that sign login cookies and anti-forgery tokens,
-- kept in the database instead of a folder of one machine, so every web node on this database accepts what another
-- issued. One row per key as the key manager wrote it (its XML); rows are only added, never changed.
CREATE TABLE data_protection_keys (
    id             INTEGER PRIMARY KEY,
    friendly_name  TEXT NOT NULL CHECK (length(friendly_name) <= 200),
    xml            TEXT NOT NULL CHECK (length(xml) BETWEEN 1 AND 65536),
    created_at     TEXT NOT NULL
) STRICT;
