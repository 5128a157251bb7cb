using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Monitor.Core.Data;

/// <summary>Typed column reads for the stores' private mappers: dates are ISO 8601 text in SQLite.</summary>
internal static class SqliteReaderExtensions
{
    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetInt32OrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateOnly GetDate(this SqliteDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? GetDateOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDate(ordinal);

    public static bool GetFlag(this SqliteDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    public static object ToDbValue(this DateOnly? date) =>
        date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;

    public static string ToDbValue(this DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object ToDbValue(this string? text) => text is null ? DBNull.Value : text;

    public static object ToDbValue(this int? number) => number is { } n ? n : DBNull.Value;

    /// <summary>SQLITE_CONSTRAINT_FOREIGNKEY: the row points at a project, account or meeting that is gone.</summary>
    public static bool IsForeignKeyViolation(this SqliteException exception) => exception.SqliteExtendedErrorCode == 787;
}
