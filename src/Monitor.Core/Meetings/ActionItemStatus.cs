namespace Monitor.Core.Meetings;

/// <summary>Where an action item stands: open, done, or dropped (stored as open, gedaan, vervallen).</summary>
public enum ActionItemStatus
{
    Open,
    Gedaan,
    Vervallen,
}
