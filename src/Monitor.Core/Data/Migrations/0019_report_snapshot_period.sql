-- The period a report covers and whether the monthly job made it, as columns of the snapshot: the monthly job asks
-- "is this project's scheduled report for this month there?" of them, instead of searching the stored parameters.
-- A report made by hand for the same period stays distinguishable (scheduled = 0) and does not count.
-- Existing rows take the period from their parameters ({"van": "yyyy-MM-dd", "tot": "yyyy-MM-dd", ...}) and the flag
-- from the author the monthly job recorded (MonthlyProgressReports.Author); rows whose parameters are not JSON keep
-- a NULL period, which no period matches.
ALTER TABLE report_snapshots ADD COLUMN period_start TEXT;
ALTER TABLE report_snapshots ADD COLUMN period_end TEXT;
ALTER TABLE report_snapshots ADD COLUMN scheduled INTEGER NOT NULL DEFAULT 0 CHECK (scheduled IN (0, 1));

UPDATE report_snapshots
SET period_start = json_extract(parameters, '$.van'),
    period_end = json_extract(parameters, '$.tot')
WHERE json_valid(parameters);

UPDATE report_snapshots SET scheduled = 1 WHERE created_by = 'Maandelijkse rapportage';

CREATE INDEX ix_report_snapshots_scheduled ON report_snapshots (project_id, report_type, period_start, period_end) WHERE scheduled = 1;
