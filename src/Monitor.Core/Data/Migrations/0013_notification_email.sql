-- E-mail delivery of notifications (issue #8): when SMTP is configured, the mailer sends each notification once;
-- a failed attempt is counted and retried on later runs (at most 5 attempts).
ALTER TABLE notifications ADD COLUMN emailed_at TEXT;
ALTER TABLE notifications ADD COLUMN email_attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_notifications_unsent ON notifications (emailed_at, email_attempts);
