using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Monitor.Core.Data;

/// <summary>
/// Typed column reads for the stores' private mappers, the same on both engines: dates are ISO 8601 text, yes/no is
/// 0/1; and the two constraint failures the stores turn into a message.
/// </summary>
internal static class SqliteReaderExtensions
{
    public static string? GetStringOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetInt32OrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateOnly GetDate(this DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? GetDateOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDate(ordinal);

    /// <summary>A 0/1 column, or a comparison in the select list (a boolean on PostgreSQL, 0/1 on SQLite).</summary>
    public static bool GetFlag(this DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) is bool flag ? flag : reader.GetInt64(ordinal) != 0;

    public static object ToDbValue(this DateOnly? date) =>
        date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;

    public static string ToDbValue(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object ToDbValue(this string? text) => text is null ? DBNull.Value : text;

    public static object ToDbValue(this int? number) => number is { } n ? n : DBNull.Value;

    /// <summary>The row points at a project, account or meeting that is gone (SQLITE_CONSTRAINT_FOREIGNKEY, PostgreSQL 23503).</summary>
    public static bool IsForeignKeyViolation(this DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 787,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };

    /// <summary>A constraint refused the row: unique, check, not null or foreign key (SQLITE_CONSTRAINT, PostgreSQL class 23).</summary>
    public static bool IsConstraintViolation(this DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };
}
