using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Coding;

/// <summary>A coder found in an imported REFI-QDA file (a User, known by its GUID), and the account it was mapped to, if any.</summary>
public sealed record FileCoder(long Id, Guid Guid, string Name, string Origin, long? UserId, string? UserName, int Codings)
{
    /// <summary>The coder id its codings carry (see <see cref="CodingStore.CodingColumns"/>): the account once mapped, else minus the file coder's id.</summary>
    public long CoderId => UserId ?? -Id;
}

/// <summary>
/// Coders from imported REFI-QDA files. Each stays a coder of its own (its codings do not collide with, or count as,
/// anybody else's) until a researcher confirms which account it is; the mapping then moves its codings to that
/// account and puts the account among the coders of the rounds it coded in. Never matched by name.
/// </summary>
public sealed class FileCoderStore
{
    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public FileCoderStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>The project's file coders with the number of their codings, by name.</summary>
    public async Task<IReadOnlyList<FileCoder>> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT f.id, f.guid, f.name, f.origin, f.user_id, u.display_name,
                   (SELECT count(*) FROM codings c WHERE c.file_coder_id = f.id AND c.removed_at IS NULL)
            FROM file_coders f LEFT JOIN users u ON u.id = f.user_id
            WHERE f.project_id = @project ORDER BY f.name, f.id;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, reader => new FileCoder(reader.GetInt64(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetStringOrNull(5), reader.GetInt32(6)), cancellationToken, ("@project", projectId));
    }

    /// <summary>The file coder with this GUID in the project, created when new; returns its id and its account when mapped.</summary>
    internal static async Task<(long Id, long? UserId)> EnsureAsync(DbConnection connection, DbTransaction transaction, long projectId, Guid guid, string name, string origin, string createdAt, CancellationToken cancellationToken)
    {
        const string insertSql = """
            INSERT INTO file_coders (project_id, guid, name, origin, created_at) VALUES (@project, @guid, @name, @origin, @now)
            ON CONFLICT (project_id, guid) DO NOTHING;
            """;
        const string readSql = "SELECT id, user_id FROM file_coders WHERE project_id = @project AND guid = @guid;";
        var shownName = string.IsNullOrWhiteSpace(name) ? "Codeur " + guid.ToString()[..8] : name.Trim();
        await connection.ExecuteAsync(transaction, insertSql, cancellationToken, ("@project", projectId), ("@guid", guid.ToString()),
            ("@name", shownName.Length > 200 ? shownName[..200] : shownName), ("@origin", origin.Length > 200 ? origin[..200] : origin), ("@now", createdAt));
        return (await connection.QueryAsync(transaction, readSql, reader => (reader.GetInt64(0), reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1)), cancellationToken,
            ("@project", projectId), ("@guid", guid.ToString()))).Single();
    }

    /// <summary>
    /// Confirms that a file coder is a researcher of the project: its codings become that account's. Refused (Dutch message)
    /// when the account is no researcher here, when the file coder is already mapped, or when one of its codings would
    /// overlap a coding of the account with the same code (then nothing changes). False when the file coder is not in this project.
    /// </summary>
    public async Task<bool> MapAsync(long projectId, long fileCoderId, long userId, Actor actor, CancellationToken cancellationToken = default)
    {
        const string coderSql = "SELECT name, user_id FROM file_coders WHERE id = @id AND project_id = @project;";
        const string researcherSql = """
            SELECT u.display_name FROM users u JOIN project_roles r ON r.user_id = u.id
            WHERE r.project_id = @project AND r.role = 'onderzoeker' AND u.id = @user;
            """;
        const string clashSql = """
            SELECT count(*) FROM codings f JOIN codings a ON a.version_id = f.version_id AND a.code_id = f.code_id AND a.round_id IS f.round_id
                AND a.is_consensus = f.is_consensus AND a.start_pos < f.end_pos AND a.end_pos > f.start_pos
            WHERE f.file_coder_id = @coder AND f.removed_at IS NULL AND f.unplaced_at IS NULL
              AND a.coder_id = @user AND a.removed_at IS NULL AND a.unplaced_at IS NULL;
            """;
        const string moveSql = "UPDATE codings SET coder_id = @user, external_coder_name = NULL, external_coder_guid = NULL WHERE file_coder_id = @coder;";
        const string roundsSql = """
            INSERT INTO coding_round_coders (round_id, user_id)
            SELECT DISTINCT round_id, @user FROM codings WHERE file_coder_id = @coder AND round_id IS NOT NULL AND is_consensus = 0
            ON CONFLICT DO NOTHING;
            """;
        const string mapSql = "UPDATE file_coders SET user_id = @user, mapped_at = @now, mapped_by = @by WHERE id = @coder;";
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var found = await connection.QueryAsync(transaction, coderSql, reader => (Name: reader.GetString(0), UserId: reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1)),
            cancellationToken, ("@id", fileCoderId), ("@project", projectId));
        if (found.Count == 0)
        {
            return false;
        }

        var coder = found[0];
        if (coder.UserId is not null)
        {
            throw new ValidationException([new ValidationError("userId", $"'{coder.Name}' is al gekoppeld aan een account.")]);
        }

        var account = await connection.ScalarAsync(transaction, researcherSql, cancellationToken, ("@project", projectId), ("@user", userId)) as string
            ?? throw new ValidationException([new ValidationError("userId", "Kies een onderzoeker van dit project.")]);
        var clashes = await connection.ScalarLongAsync(transaction, clashSql, cancellationToken, ("@coder", fileCoderId), ("@user", userId)) ?? 0;
        if (clashes > 0)
        {
            throw new ValidationException([new ValidationError("userId",
                $"{clashes.ToString(CultureInfo.InvariantCulture)} coderingen van '{coder.Name}' overlappen met coderingen van {account} met dezelfde code; er is niets gekoppeld. Verwijder eerst de dubbele coderingen.")]);
        }

        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await connection.ExecuteAsync(transaction, moveSql, cancellationToken, ("@user", userId), ("@coder", fileCoderId));
        await connection.ExecuteAsync(transaction, roundsSql, cancellationToken, ("@user", userId), ("@coder", fileCoderId));
        await connection.ExecuteAsync(transaction, mapSql, cancellationToken, ("@user", userId), ("@now", now), ("@by", actor.Name), ("@coder", fileCoderId));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("fileCoder", fileCoderId, projectId,
            new Dictionary<string, string?> { ["account"] = null }, new Dictionary<string, string?> { ["account"] = userId.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
