using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Monitor.Core.Data;

/// <summary>The audit trail. Other stores record through <see cref="RecordAsync"/> inside their own transaction.</summary>
public sealed class AuditStore
{
    private readonly MonitorDatabase _database;
    private readonly TimeProvider _time;

    public AuditStore(MonitorDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    internal async Task RecordAsync(DbConnection connection, DbTransaction transaction, Actor actor, AuditChange change, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO audit_log (at, actor_user_id, actor_name, project_id, entity, entity_id, action, changes)
            VALUES (@at, @actor_user_id, @actor_name, @project_id, @entity, @entity_id, @action, @changes);
            """;
        var changes = change.Changes.ToDictionary(c => c.Key, c => new[] { c.Value.Old, c.Value.New });
        await connection.ExecuteAsync(transaction, sql, cancellationToken,
            ("@at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), ("@actor_user_id", actor.UserId), ("@actor_name", actor.Name),
            ("@project_id", change.ProjectId), ("@entity", change.Entity), ("@entity_id", change.EntityId), ("@action", change.Action),
            ("@changes", JsonSerializer.Serialize(changes)));
    }

    /// <summary>Audit entries, newest first; filter by project and/or entity (and entity id).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(long? projectId = null, string? entity = null, long? entityId = null, long? actorUserId = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id, at, actor_user_id, actor_name, project_id, entity, entity_id, action, changes
            FROM audit_log
            WHERE (@project_id IS NULL OR project_id = @project_id)
              AND (@entity IS NULL OR entity = @entity)
              AND (@entity_id IS NULL OR entity_id = @entity_id)
              AND (@actor_user_id IS NULL OR actor_user_id = @actor_user_id)
            ORDER BY id DESC
            LIMIT @limit;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, ReadEntry, cancellationToken, ("@project_id", projectId), ("@entity", entity), ("@entity_id", entityId),
            ("@actor_user_id", actorUserId), ("@limit", Math.Clamp(limit, 1, 100_000)));
    }

    /// <summary>Replaces a deleted person's name in the trail; the entries themselves are kept.</summary>
    internal static async Task AnonymiseActorAsync(DbConnection connection, DbTransaction transaction, long userId, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(transaction, "UPDATE audit_log SET actor_name = @name WHERE actor_user_id = @user_id;", cancellationToken,
            ("@name", $"Verwijderde gebruiker #{userId}"), ("@user_id", userId));
    }

    /// <summary>The stored changes of one entry (JSON: field -> [old, new]).</summary>
    internal static IReadOnlyDictionary<string, FieldChange> ParseChanges(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string?[]>>(json) ?? [])
            .ToDictionary(c => c.Key, c => new FieldChange(c.Value.ElementAtOrDefault(0), c.Value.ElementAtOrDefault(1)));

    private static AuditEntry ReadEntry(DbDataReader reader)
    {
        return new AuditEntry
        {
            Id = reader.GetInt64(0),
            At = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
            ActorUserId = reader.IsDBNull(2) ? null : reader.GetInt64(2),
            ActorName = reader.GetString(3),
            ProjectId = reader.IsDBNull(4) ? null : reader.GetInt64(4),
            Entity = reader.GetString(5),
            EntityId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
            Action = reader.GetString(7),
            Changes = ParseChanges(reader.GetString(8)),
        };
    }
}
