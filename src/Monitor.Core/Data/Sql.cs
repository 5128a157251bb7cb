using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Monitor.Core.Data;

/// <summary>
/// The one way stores run SQL: a command with named parameters (null becomes SQL NULL) on a connection and its
/// transaction, and the four things done with it — execute, a scalar, an insert that returns the new id, rows mapped by
/// the store's own reader function. SQL stays in the stores, beside the code that needs it. The cancellation token
/// comes before the parameters, which are the params array.
/// </summary>
public static class Sql
{
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    public static async Task<object?> ScalarAsync(this SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>The first column of the first row as a whole number, or null.</summary>
    public static async Task<long?> ScalarLongAsync(this SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await connection.ScalarAsync(transaction, sql, cancellationToken, parameters) is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    /// <summary>Runs an INSERT … RETURNING id and returns the new id.</summary>
    public static async Task<long> InsertAsync(this SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (!sql.Contains("RETURNING", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("An insert through Sql.InsertAsync ends with RETURNING id.", nameof(sql));
        }

        return await connection.ScalarLongAsync(transaction, sql, cancellationToken, parameters)
            ?? throw new InvalidOperationException("The insert returned no id.");
    }

    /// <summary>Every row, mapped by <paramref name="read"/> (the store's own mapper).</summary>
    public static async Task<List<T>> QueryAsync<T>(this SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
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
    public static async Task<T?> QueryFirstAsync<T>(this SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var command = connection.Command(transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
    }
}
