-- Reports (issue #14): a project chooses its own default template per kind of report; a report made without naming a
-- template, the scheduled monthly report included, uses it. At most one default per project and kind.
ALTER TABLE report_templates ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1));
CREATE UNIQUE INDEX ux_report_templates_default ON report_templates (project_id, report_type) WHERE is_default = 1;
