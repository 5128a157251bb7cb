-- Uploaded documents can carry the date they record: observations of work sessions (seed 000: "observaties van
-- werksessies") get their own source type 'observatie' with the date observed; interviews may have their date too.
-- Minutes and reflections keep taking their date from the meeting.
ALTER TABLE coding_documents ADD COLUMN held_on TEXT CHECK (held_on IS NULL OR held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
