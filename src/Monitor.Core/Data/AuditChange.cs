namespace Monitor.Core.Data;

/// <summary>A change to record, written by a store in the transaction of the change itself.</summary>
public sealed record AuditChange
{
    public required string Entity { get; init; }
    public required long? EntityId { get; init; }
    public required string Action { get; init; }
    public long? ProjectId { get; init; }
    public IReadOnlyDictionary<string, FieldChange> Changes { get; init; } = new Dictionary<string, FieldChange>();

    public static AuditChange Created(string entity, long id, long? projectId, IReadOnlyDictionary<string, string?> values) => new()
    {
        Entity = entity,
        EntityId = id,
        Action = "create",
        ProjectId = projectId,
        Changes = values.ToDictionary(v => v.Key, v => new FieldChange(null, v.Value)),
    };

    public static AuditChange Updated(string entity, long id, long? projectId, IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) => new()
    {
        Entity = entity,
        EntityId = id,
        Action = "update",
        ProjectId = projectId,
        Changes = after.Where(a => !string.Equals(before.GetValueOrDefault(a.Key), a.Value, StringComparison.Ordinal))
            .ToDictionary(a => a.Key, a => new FieldChange(before.GetValueOrDefault(a.Key), a.Value)),
    };

    public static AuditChange Deleted(string entity, long id, long? projectId, IReadOnlyDictionary<string, string?> values) => new()
    {
        Entity = entity,
        EntityId = id,
        Action = "delete",
        ProjectId = projectId,
        Changes = values.ToDictionary(v => v.Key, v => new FieldChange(v.Value, null)),
    };
}
