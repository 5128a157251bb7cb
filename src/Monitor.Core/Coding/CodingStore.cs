using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Data;
using Monitor.Core.Meetings;

namespace Monitor.Core.Coding;

/// <summary>
/// Qualitative coding: codebooks and codes, documents to code with immutable text versions, codings
/// (span + code + valence + coder), retrieval and matrices, and blind double-coding rounds. Offsets are
/// Unicode code points, end exclusive. Every write runs in one transaction with its audit entry.
/// </summary>
public sealed partial class CodingStore
{
    public const int MemoMaxLength = 2000;
    public const int TitleMaxLength = 300;
    public const int CodeNameMaxLength = 200;
    public const int CodeTextMaxLength = 4000;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public CodingStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters) =>
        MeetingStore.Command(connection, transaction, sql, parameters);

    private static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql + " SELECT last_insert_rowid();", parameters);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long?> ScalarLongAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }


    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
