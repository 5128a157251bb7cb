-- Placeholder for the migration another branch holds under this number (effects1 may use 0037 only).
-- The integrator drops this file at merge.
SELECT 1;
