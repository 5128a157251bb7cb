-- Reports (issue #14): the Markdown deliverable with its charts as images — a zip of the report's Markdown, in which each
-- chart is an image link with its numbers table below it, and the charts as PNG files — kept with every snapshot.
ALTER TABLE report_snapshots ADD COLUMN markdown_package BLOB;
