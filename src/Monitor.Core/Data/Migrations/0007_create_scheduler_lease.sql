-- Only one scheduler (in the web app or in a separate worker) runs the jobs: it holds this lease and renews
-- it; another one takes over only after the lease has expired.
CREATE TABLE scheduler_leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  TEXT NOT NULL
) STRICT;
