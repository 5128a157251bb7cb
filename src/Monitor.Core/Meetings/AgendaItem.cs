namespace Monitor.Core.Meetings;

/// <summary>An agenda item; look-back items are the ones the tool put first on every agenda.</summary>
public sealed record AgendaItem(long Id, int Position, string Title, string Notes, bool IsLookBack);
