-- Portfolio figures (issue #20): each project's dashboard row as it stood on figures_on (today when it was read),
-- so the dashboard over thousands of projects reads one small row per project instead of every coding, action item
-- and activity. A write that can change a project's figures deletes its row in the same transaction
-- (PortfolioFigures); the next dashboard read of today computes the missing rows with the live queries and stores
-- them. No backfill: an absent row is exactly what a changed or new project has. A row of another day is not used.
CREATE TABLE project_figures (
    project_id           INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    figures_on           TEXT NOT NULL CHECK (figures_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    phase                INTEGER NOT NULL CHECK (phase BETWEEN 0 AND 5),
    activities           INTEGER NOT NULL CHECK (activities >= 0),
    activities_done      INTEGER NOT NULL CHECK (activities_done >= 0),
    current_phase_score  REAL,
    overdue_activities   INTEGER NOT NULL CHECK (overdue_activities >= 0),
    last_meeting_on      TEXT CHECK (last_meeting_on IS NULL OR length(last_meeting_on) = 10),
    open_action_items    INTEGER NOT NULL CHECK (open_action_items >= 0),
    open_barriers        INTEGER NOT NULL CHECK (open_barriers >= 0),
    reach                REAL,
    reach_month          TEXT CHECK (reach_month IS NULL OR length(reach_month) = 10)
) STRICT;
