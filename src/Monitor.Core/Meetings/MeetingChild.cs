namespace Monitor.Core.Meetings;

/// <summary>The small parts of a meeting that can be removed one by one.</summary>
public enum MeetingChild
{
    AgendaItem,
    Decision,
    Guest,
}
