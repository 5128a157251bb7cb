-- Per-project schedule of the monthly progress report (issue #8): a Quartz cron expression and a time zone;
-- NULL means the worker's default (Worker:ProgressReportCron, Europe/Amsterdam). Checked when saved.
ALTER TABLE projects ADD COLUMN report_cron TEXT CHECK (report_cron IS NULL OR length(report_cron) BETWEEN 1 AND 120);
ALTER TABLE projects ADD COLUMN report_time_zone TEXT CHECK (report_time_zone IS NULL OR length(report_time_zone) BETWEEN 1 AND 64);
