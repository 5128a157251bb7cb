using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Portfolio;

namespace Monitor.Core.Innovation;

/// <summary>Reach and adoption counts per team and month, entered (or corrected) by the projectleider; one row per team and month.</summary>
public sealed class ReachStore
{
    public const int MaxCount = 100_000;
    public const int MaxClients = 10_000_000;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public ReachStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>The project's counts, oldest month first; null when there is no such project.</summary>
    public async Task<IReadOnlyList<ReachCount>?> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        if (!await CoreElementStore.ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        return await connection.QueryAsync(transaction, """
            SELECT team, month, professionals, trained, users, target_clients, clients_reached FROM reach_counts
            WHERE project_id = @project ORDER BY month, team;
            """, reader => new ReachCount
        {
            Team = reader.GetString(0),
            Month = DateOnly.ParseExact(reader.GetString(1) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Professionals = reader.GetInt32(2),
            Trained = reader.GetInt32(3),
            Users = reader.GetInt32(4),
            TargetClients = reader.GetInt32(5),
            ClientsReached = reader.GetInt32(6),
        }, cancellationToken, ("@project", projectId));
    }

    /// <summary>Saves one team's month (a second save of the same team and month replaces it); false when there is no such project.</summary>
    /// <exception cref="ValidationException">A count out of range or inconsistent (more trained than professionals, ...); nothing was written.</exception>
    public async Task<bool> SaveAsync(long projectId, ReachCount count, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(count);
        var month = count.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await CoreElementStore.ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return false;
        }

        var previous = await connection.QueryAsync(transaction, """
            SELECT id, professionals, trained, users, target_clients, clients_reached FROM reach_counts WHERE project_id = @project AND team = @team AND month = @month;
            """, reader => (Id: reader.GetInt64(0), Values: Values(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5))),
            cancellationToken, ("@project", projectId), ("@team", count.Team.Trim()), ("@month", month));
        var id = await connection.InsertAsync(transaction, """
            INSERT INTO reach_counts (project_id, team, month, professionals, trained, users, target_clients, clients_reached, updated_at, updated_by)
            VALUES (@project, @team, @month, @professionals, @trained, @users, @target, @reached, @now, @by)
            ON CONFLICT (project_id, team, month) DO UPDATE SET professionals = excluded.professionals, trained = excluded.trained, users = excluded.users,
                target_clients = excluded.target_clients, clients_reached = excluded.clients_reached, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@team", count.Team.Trim()), ("@month", month), ("@professionals", count.Professionals), ("@trained", count.Trained),
            ("@users", count.Users), ("@target", count.TargetClients), ("@reached", count.ClientsReached), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), ("@by", actor.Name));
        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);
        var after = Values(count.Professionals, count.Trained, count.Users, count.TargetClients, count.ClientsReached);
        after["team"] = count.Team.Trim();
        after["month"] = month;
        await _audit.RecordAsync(connection, transaction, actor, previous is [var before]
            ? AuditChange.Updated("reachCount", id, projectId, new Dictionary<string, string?>(before.Values) { ["team"] = count.Team.Trim(), ["month"] = month }, after)
            : AuditChange.Created("reachCount", id, projectId, after), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Dictionary<string, string?> Values(int professionals, int trained, int users, int target, int reached) => new()
    {
        ["professionals"] = professionals.ToString(CultureInfo.InvariantCulture),
        ["trained"] = trained.ToString(CultureInfo.InvariantCulture),
        ["users"] = users.ToString(CultureInfo.InvariantCulture),
        ["targetClients"] = target.ToString(CultureInfo.InvariantCulture),
        ["clientsReached"] = reached.ToString(CultureInfo.InvariantCulture),
    };

    private static void Validate(ReachCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var errors = new List<ValidationError>();
        Checks.Required(errors, "team", count.Team, FidelityStore.TeamMaxLength, "het team");
        Range(errors, "professionals", count.Professionals, MaxCount, "Het aantal professionals");
        Range(errors, "trained", count.Trained, MaxCount, "Het aantal getrainde professionals");
        Range(errors, "users", count.Users, MaxCount, "Het aantal gebruikers");
        Range(errors, "targetClients", count.TargetClients, MaxClients, "De doelgroep");
        Range(errors, "clientsReached", count.ClientsReached, MaxClients, "Het aantal bereikte cliënten");
        if (count.Trained > count.Professionals)
        {
            errors.Add(new ValidationError("trained", "Er zijn meer getrainde professionals dan professionals in het team."));
        }

        if (count.Users > count.Professionals)
        {
            errors.Add(new ValidationError("users", "Er zijn meer gebruikers dan professionals in het team."));
        }

        if (count.ClientsReached > count.TargetClients)
        {
            errors.Add(new ValidationError("clientsReached", "Er zijn meer cliënten bereikt dan de doelgroep telt."));
        }

        Checks.ThrowIfAny(errors);
    }

    private static void Range(List<ValidationError> errors, string field, int value, int max, string label)
    {
        if (value < 0 || value > max)
        {
            errors.Add(new ValidationError(field, $"{label} moet tussen 0 en {max.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} liggen."));
        }
    }
}
