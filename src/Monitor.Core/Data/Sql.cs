using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Monitor.Core.Data;

/// <summary>
/// The one way stores run SQL: a command with named parameters (null becomes SQL NULL) on a connection and its
/// transaction, and the four things done with it — execute, a scalar, an insert that returns the new id, rows mapped by
/// the store's own reader function. SQL stays in the stores, beside the code that needs it. The cancellation token
/// comes before the parameters, which are the params array.
/// </summary>
/// <remarks>
/// The helpers work on ADO.NET's base classes, so one store serves both engines (SQLite, PostgreSQL through Npgsql).
/// Transactions have one model on both: <see cref="BeginWriteAsync"/> makes a writer wait for the other writers first
/// (SQLite's BEGIN IMMEDIATE; on PostgreSQL a transaction-scoped advisory lock), so a store's read-then-write sees
/// no other writer in between; <see cref="BeginRead"/> is one consistent snapshot for several queries.
/// </remarks>
public static class Sql
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var postgres = connection is NpgsqlConnection;
        command.CommandText = postgres
            ? PostgreSqlTranslation.Translate(sql, [.. parameters.Where(p => p.Value is null or DBNull).Select(p => p.Name)])
            : sql;
        foreach (var (name, value) in parameters)
        {
            if (value is null or DBNull && postgres)
            {
                continue; // written as NULL in the statement
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            // the stores keep yes/no columns as 0/1 on both engines
            parameter.Value = value switch
            {
                null => DBNull.Value,
                bool flag => flag ? 1L : 0L,
                _ => value,
            };
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    public static async Task<object?> ScalarAsync(this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>The first column of the first row as a whole number, or null.</summary>
    public static async Task<long?> ScalarLongAsync(this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await connection.ScalarAsync(transaction, sql, cancellationToken, parameters) is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    /// <summary>Runs an INSERT … RETURNING id and returns the new id.</summary>
    public static async Task<long> InsertAsync(this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (!sql.Contains("RETURNING", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("An insert through Sql.InsertAsync ends with RETURNING id.", nameof(sql));
        }

        return await connection.ScalarLongAsync(transaction, sql, cancellationToken, parameters)
            ?? throw new InvalidOperationException("The insert returned no id.");
    }

    /// <summary>Every row, mapped by <paramref name="read"/> (the store's own mapper).</summary>
    public static async Task<List<T>> QueryAsync<T>(this DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var command = connection.Command(transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>The first row mapped by <paramref name="read"/>, or null when there is none.</summary>
    public static async Task<T?> QueryFirstAsync<T>(this DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var command = connection.Command(transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
    }

    /// <summary>The lock a PostgreSQL write transaction takes first: writers one at a time, as on SQLite.</summary>
    public const long WriterLockKey = 0x4D6F6E69746F72; // "Monitor"

    /// <summary>
    /// A write transaction: waits for the other writers first (SQLite's BEGIN IMMEDIATE, whose wait is its busy handler,
    /// or PostgreSQL's advisory lock). The PostgreSQL wait is awaited, not blocked on: under load a blocked thread per
    /// waiting writer starved the thread pool (measured in docs/benchmarks.md, "Capacity").
    /// </summary>
    public static async Task<DbTransaction> BeginWriteAsync(this DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is SqliteConnection sqlite)
        {
            return sqlite.BeginTransaction(deferred: false);
        }

        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            await connection.ExecuteAsync(transaction, "SELECT pg_advisory_xact_lock(@key);", cancellationToken, ("@key", WriterLockKey));
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>A read transaction: one consistent snapshot for several queries while others write.</summary>
    public static DbTransaction BeginRead(this DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : connection.BeginTransaction(IsolationLevel.RepeatableRead);
    }
}
