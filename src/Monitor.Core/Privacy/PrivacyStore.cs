using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Privacy;

/// <summary>Per project: the names to pseudonymise and the retention period.</summary>
public sealed class PrivacyStore
{
    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public PrivacyStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    public async Task<IReadOnlyList<Pseudonym>> ListPseudonymsAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, "SELECT id, name, code FROM pseudonyms WHERE project_id = @project_id ORDER BY code;",
            reader => new Pseudonym(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)), cancellationToken, ("@project_id", projectId));
    }

    public async Task<Pseudonymizer> GetPseudonymizerAsync(long projectId, CancellationToken cancellationToken = default) =>
        new(await ListPseudonymsAsync(projectId, cancellationToken));

    /// <summary>Adds a name with the next free code (P01, P02, …); codes are never reused, so exports stay comparable.</summary>
    public async Task<Pseudonym> AddPseudonymAsync(long projectId, string name, Actor actor, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is < 2 or > 200)
        {
            throw new ValidationException([new ValidationError("name", "Vul een naam van 2 tot 200 tekens in.")]);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarLongAsync(transaction, "SELECT EXISTS (SELECT 1 FROM pseudonyms WHERE project_id = @project_id AND name = @name COLLATE NOCASE);",
            cancellationToken, ("@project_id", projectId), ("@name", trimmed)) == 1)
        {
            throw new ValidationException([new ValidationError("name", $"'{trimmed}' staat al in de lijst.")]);
        }

        // Next number after every code this project ever had: the current ones and the deleted ones
        // (which live on in the audit trail), so an old export's "[P03]" never means someone else.
        const string nextSql = """
            SELECT coalesce(max(CAST(substr(code, 2) AS INTEGER)), 0) + 1 FROM (
                SELECT code FROM pseudonyms WHERE project_id = @project_id AND code GLOB 'P[0-9]*'
                UNION ALL
                SELECT json_extract(changes, '$.code[0]') FROM audit_log
                WHERE project_id = @project_id AND entity = 'pseudoniem' AND action = 'delete'
            ) AS used;
            """;
        var next = await connection.ScalarLongAsync(transaction, nextSql, cancellationToken, ("@project_id", projectId)) ?? 1;
        var code = string.Create(CultureInfo.InvariantCulture, $"P{next:00}");
        long id;
        try
        {
            id = await connection.InsertAsync(transaction, "INSERT INTO pseudonyms (project_id, name, code) VALUES (@project_id, @name, @code) RETURNING id;", cancellationToken,
                ("@project_id", projectId), ("@name", trimmed), ("@code", code));
        }
        catch (DbException ex) when (ex.IsForeignKeyViolation())
        {
            throw new ValidationException([new ValidationError("projectId", "Dit project bestaat niet (meer).")]);
        }

        // The name itself stays out of the audit trail: that is the point of the list.
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("pseudoniem", id, projectId, new Dictionary<string, string?> { ["code"] = code }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Pseudonym(id, trimmed, code);
    }

    public async Task<bool> RemovePseudonymAsync(long projectId, long pseudonymId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var code = (string?)await connection.ScalarAsync(transaction, "DELETE FROM pseudonyms WHERE id = @id AND project_id = @project_id RETURNING code;", cancellationToken,
            ("@id", pseudonymId), ("@project_id", projectId));
        if (code is null)
        {
            return false;
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("pseudoniem", pseudonymId, projectId, new Dictionary<string, string?> { ["code"] = code }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task SetRetentionAsync(long projectId, int? months, Actor actor, CancellationToken cancellationToken = default)
    {
        if (months is < 1 or > 600)
        {
            throw new ValidationException([new ValidationError("retentionMonths", "De bewaartermijn moet tussen 1 en 600 maanden liggen, of leeg zijn (geen termijn).")]);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var before = await GetRetentionTextAsync(connection, transaction, projectId, cancellationToken);
        if (await connection.ExecuteAsync(transaction, "UPDATE projects SET retention_months = @months WHERE id = @id;", cancellationToken, ("@months", months), ("@id", projectId)) == 0)
        {
            throw new ValidationException([new ValidationError("projectId", "Dit project bestaat niet (meer).")]);
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("project", projectId, projectId,
            new Dictionary<string, string?> { ["retentionMonths"] = before },
            new Dictionary<string, string?> { ["retentionMonths"] = months?.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What the retention period would remove today; nothing is removed by this call.</summary>
    public async Task<RetentionReport> GetRetentionReportAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var text = await GetRetentionTextAsync(connection, transaction, projectId, cancellationToken);
        if (text is null)
        {
            return new RetentionReport(null, null, []);
        }

        var months = int.Parse(text, CultureInfo.InvariantCulture);
        var cutoff = DutchClock.Today(_time).AddMonths(-months);
        const string sql = """
            SELECT count(*), min(m.held_on)
            FROM meetings m JOIN project_groups g ON g.id = m.group_id
            WHERE g.project_id = @project_id AND m.held_on < @cutoff;
            """;
        // an aggregate without GROUP BY: always exactly one row
        var items = await connection.QueryAsync(transaction, sql, reader => new RetentionItem("bijeenkomsten", reader.GetInt32(0), reader.GetDateOrNull(1)), cancellationToken,
            ("@project_id", projectId), ("@cutoff", cutoff.ToDbValue()));
        return new RetentionReport(months, cutoff, items);
    }

    private static async Task<string?> GetRetentionTextAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken)
    {
        var months = await connection.ScalarLongAsync(transaction, "SELECT retention_months FROM projects WHERE id = @id;", cancellationToken, ("@id", projectId));
        return months?.ToString(CultureInfo.InvariantCulture);
    }
}
