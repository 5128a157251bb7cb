-- Placeholder on the REFI-QDA branch only (issue #17): number 0020 belongs to the agreement half of the issue.
-- Migrations must be numbered without gaps, so this empty step lets 0021 run on this branch. When merging, keep the
-- agreement branch's 0020 and delete this file.
SELECT 1;
