-- Which meetings discussed a plan activity. Both sides belong to the same project (checked by PlanStore).
CREATE TABLE plan_activity_meetings (
    activity_id  INTEGER NOT NULL REFERENCES plan_activities (id) ON DELETE CASCADE,
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, meeting_id)
) STRICT;
CREATE INDEX ix_plan_activity_meetings_meeting ON plan_activity_meetings (meeting_id);
