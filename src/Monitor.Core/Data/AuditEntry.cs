namespace Monitor.Core.Data;

/// <summary>One row of the audit trail: who changed which entity when, and which fields went from what to what.</summary>
public sealed record AuditEntry
{
    public required long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    public required long? ActorUserId { get; init; }
    public required string ActorName { get; init; }
    public required long? ProjectId { get; init; }
    public required string Entity { get; init; }
    public required long? EntityId { get; init; }
    public required string Action { get; init; }
    public required IReadOnlyDictionary<string, FieldChange> Changes { get; init; }
}
