-- Placeholder for the migration another branch holds under this number (effects2 may use 0039 only).
-- The integrator drops this file at merge.
SELECT 1;
