-- Which scheduled fire time a job run served and which process ran it, so "each scheduled run happened once across
-- processes" can be checked (and seen on the job history page).
ALTER TABLE job_runs ADD COLUMN scheduled_for TEXT;
ALTER TABLE job_runs ADD COLUMN runner TEXT NOT NULL DEFAULT '' CHECK (length(runner) <= 200);
