using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Participation;

/// <summary>
/// A project's participation moments (issue #23): who was involved at which rung of the participation ladder, what was
/// asked, what was done with it and when that was reported back. Every write is one transaction with its audit entry.
/// </summary>
public sealed class ParticipationStore
{
    public const int PartyMaxLength = 200;
    public const int TextMaxLength = 4000;

    private const string Columns = """
        m.id, m.project_id, m.group_id, g.name, m.held_on, m.level, m.party, m.asked, m.done_with_it, m.fed_back_on, m.is_reconstructed
        """;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public ParticipationStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>The project's moments, oldest first; null when there is no such project.</summary>
    public async Task<IReadOnlyList<ParticipationMoment>?> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        if (!await Meetings.GroupStore.ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        return await connection.QueryAsync(transaction, $"""
            SELECT {Columns}
            FROM participation_moments m LEFT JOIN project_groups g ON g.id = m.group_id
            WHERE m.project_id = @project ORDER BY m.held_on, m.id;
            """, Read, cancellationToken, ("@project", projectId));
    }

    /// <summary>Records a moment; null when there is no such project.</summary>
    /// <exception cref="ValidationException">A missing party, too long a text, an unknown level, a group of another project, feedback before the moment; nothing was written.</exception>
    public async Task<long?> CreateAsync(long projectId, ParticipationDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var clean = Validate(draft);
        return await WriteAsync(projectId, actor, async (connection, transaction) =>
        {
            await CheckGroupAsync(connection, transaction, projectId, clean.GroupId, cancellationToken);
            var id = await connection.InsertAsync(transaction, """
                INSERT INTO participation_moments (project_id, group_id, held_on, level, party, asked, done_with_it, fed_back_on, is_reconstructed, created_at, created_by)
                VALUES (@project, @group, @held, @level, @party, @asked, @done, @fed, @reconstructed, @now, @by)
                RETURNING id;
                """, cancellationToken, [("@project", projectId), .. Parameters(clean), ("@now", Now()), ("@by", actor.Name)]);
            return (id, AuditChange.Created("participation", id, projectId, Values(clean)));
        }, cancellationToken);
    }

    /// <summary>Changes a moment; false when it is not in this project.</summary>
    /// <exception cref="ValidationException">As <see cref="CreateAsync"/>; nothing was written.</exception>
    public async Task<bool> UpdateAsync(long projectId, long momentId, ParticipationDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        var clean = Validate(draft);
        return await WriteAsync(projectId, actor, async (connection, transaction) =>
        {
            if (await FindAsync(connection, transaction, projectId, momentId, cancellationToken) is not { } before)
            {
                return (0L, null);
            }

            await CheckGroupAsync(connection, transaction, projectId, clean.GroupId, cancellationToken);
            await connection.ExecuteAsync(transaction, """
                UPDATE participation_moments SET group_id = @group, held_on = @held, level = @level, party = @party, asked = @asked,
                    done_with_it = @done, fed_back_on = @fed, is_reconstructed = @reconstructed
                WHERE id = @id;
                """, cancellationToken, [("@id", momentId), .. Parameters(clean)]);
            return (momentId, AuditChange.Updated("participation", momentId, projectId, Values(ToDraft(before)), Values(clean)));
        }, cancellationToken) is not null;
    }

    /// <summary>Deletes a moment; false when it is not in this project.</summary>
    public async Task<bool> DeleteAsync(long projectId, long momentId, Actor actor, CancellationToken cancellationToken = default) =>
        await WriteAsync(projectId, actor, async (connection, transaction) =>
        {
            if (await FindAsync(connection, transaction, projectId, momentId, cancellationToken) is not { } before)
            {
                return (0L, null);
            }

            await connection.ExecuteAsync(transaction, "DELETE FROM participation_moments WHERE id = @id;", cancellationToken, ("@id", momentId));
            return (momentId, AuditChange.Deleted("participation", momentId, projectId, Values(ToDraft(before))));
        }, cancellationToken) is not null;

    /// <summary>The draft trimmed and checked, with every message at once.</summary>
    public static ParticipationDraft Validate(ParticipationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        if (!Enum.IsDefined(draft.Level))
        {
            errors.Add(new ValidationError("level", $"Kies een trede van de participatieladder: {string.Join(", ", Codes.All<ParticipationLevel>())}."));
        }

        Checks.Required(errors, "party", draft.Party, PartyMaxLength, "de betrokken partij");
        Checks.Optional(errors, "asked", draft.Asked, TextMaxLength, "wat er gevraagd is");
        Checks.Optional(errors, "doneWithIt", draft.DoneWithIt, TextMaxLength, "wat ermee gedaan is");
        if (draft.FedBackOn is { } fed && fed < draft.HeldOn)
        {
            errors.Add(new ValidationError("fedBackOn", "De terugkoppeling kan niet vóór het moment zelf liggen."));
        }

        Checks.ThrowIfAny(errors);
        return draft with { Party = draft.Party.Trim(), Asked = (draft.Asked ?? "").Trim(), DoneWithIt = (draft.DoneWithIt ?? "").Trim() };
    }

    private static async Task CheckGroupAsync(DbConnection connection, DbTransaction transaction, long projectId, long? groupId, CancellationToken cancellationToken)
    {
        if (groupId is { } id && await connection.ScalarLongAsync(transaction, "SELECT 1 FROM project_groups WHERE id = @id AND project_id = @project;", cancellationToken,
                ("@id", id), ("@project", projectId)) is null)
        {
            throw new ValidationException([new ValidationError("groupId", $"Dit project heeft geen groep {id}.")]);
        }
    }

    private static Task<ParticipationMoment?> FindAsync(DbConnection connection, DbTransaction transaction, long projectId, long momentId, CancellationToken cancellationToken) =>
        connection.QueryFirstAsync(transaction, $"""
            SELECT {Columns}
            FROM participation_moments m LEFT JOIN project_groups g ON g.id = m.group_id
            WHERE m.project_id = @project AND m.id = @id;
            """, Read, cancellationToken, ("@project", projectId), ("@id", momentId));

    private static (string, object?)[] Parameters(ParticipationDraft d) =>
    [
        ("@group", d.GroupId), ("@held", d.HeldOn.ToDbValue()), ("@level", d.Level.ToCode()), ("@party", d.Party), ("@asked", d.Asked),
        ("@done", d.DoneWithIt), ("@fed", d.FedBackOn.ToDbValue()), ("@reconstructed", d.Reconstructed ? 1 : 0),
    ];

    private static Dictionary<string, string?> Values(ParticipationDraft d) => new()
    {
        ["groupId"] = d.GroupId?.ToString(CultureInfo.InvariantCulture),
        ["heldOn"] = d.HeldOn.ToDbValue(),
        ["level"] = d.Level.ToCode(),
        ["party"] = d.Party,
        ["asked"] = d.Asked,
        ["doneWithIt"] = d.DoneWithIt,
        ["fedBackOn"] = d.FedBackOn?.ToDbValue(),
    };

    private static ParticipationDraft ToDraft(ParticipationMoment m) => new()
    {
        GroupId = m.GroupId,
        HeldOn = m.HeldOn,
        Level = m.Level,
        Party = m.Party,
        Asked = m.Asked,
        DoneWithIt = m.DoneWithIt,
        FedBackOn = m.FedBackOn,
        Reconstructed = m.Reconstructed,
    };

    private static ParticipationMoment Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        ProjectId = reader.GetInt64(1),
        GroupId = reader.IsDBNull(2) ? null : reader.GetInt64(2),
        GroupName = reader.GetStringOrNull(3),
        HeldOn = reader.GetDate(4),
        Level = Codes.Parse<ParticipationLevel>(reader.GetString(5)),
        Party = reader.GetString(6),
        Asked = reader.GetString(7),
        DoneWithIt = reader.GetString(8),
        FedBackOn = reader.GetDateOrNull(9),
        Reconstructed = reader.GetFlag(10),
    };

    private async Task<long?> WriteAsync(long projectId, Actor actor, Func<DbConnection, DbTransaction, Task<(long Value, AuditChange? Audit)>> change, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await Meetings.GroupStore.ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        var (value, audit) = await change(connection, transaction);
        if (audit is null)
        {
            return null;
        }

        await _audit.RecordAsync(connection, transaction, actor, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return value;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
