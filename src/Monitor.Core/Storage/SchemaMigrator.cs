using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Monitor.Core.Storage;

/// <summary>
/// Brings the database file to the newest schema. Migrations are the embedded
/// Storage/Migrations/NNNN_*.sql files; the applied version is PRAGMA user_version, written in the
/// same transaction as the migration, so a failed migration leaves the file as it was.
/// </summary>
public sealed partial class SchemaMigrator
{
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;
    private const int SqliteCorrupt = 11;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqlitePermission = 3;
    private static readonly byte[] _sqliteHeader = "SQLite format 3\0"u8.ToArray();

    private readonly MonitorDatabase _database;
    private readonly ILogger<SchemaMigrator> _logger;

    public SchemaMigrator(MonitorDatabase database, ILogger<SchemaMigrator> logger)
    {
        _database = database;
        _logger = logger;
        Migrations = LoadEmbeddedMigrations();
    }

    /// <summary>The migrations this build knows, in order.</summary>
    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The schema version this build writes.</summary>
    public int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies the pending migrations; returns how many were applied.</summary>
    /// <exception cref="DatabaseStartupException">The file cannot be used; nothing was written.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var path = _database.FilePath;
        EnsureFolder(path);
        CheckExistingFile(path);

        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            var current = await GetUserVersionAsync(connection, cancellationToken);
            if (current > LatestVersion)
            {
                throw new DatabaseStartupException(
                    $"Het databasebestand '{path}' heeft schemaversie {current}, maar deze versie van ImplementatieMonitor kent " +
                    $"alleen versies tot en met {LatestVersion}. Het bestand is gemaakt door een nieuwere versie. " +
                    "Start die nieuwere versie, of gebruik een ander bestand (instelling Monitor:DatabasePath). Er is niets gewijzigd.");
            }

            if (current > 0)
            {
                await QuickCheckAsync(connection, path, cancellationToken);
            }

            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);

            var applied = 0;
            foreach (var migration in Migrations.Where(m => m.Version > current))
            {
                await ApplyAsync(connection, migration, cancellationToken);
                applied++;
            }

            if (applied > 0)
            {
                _logger.LogInformation("Database {Path}: {Count} migration(s) applied, schema version {Version}", path, applied, LatestVersion);
            }

            return applied;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw new DatabaseStartupException(
                $"Het bestand '{path}' is geen bruikbare SQLite-database (beschadigd of een ander soort bestand). " +
                "Zet een back-up terug of kies een ander bestand met Monitor:DatabasePath. Het bestand is niet gewijzigd.", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCantOpen or SqliteReadOnly or SqliteIoError or SqlitePermission)
        {
            throw new DatabaseStartupException(
                $"Het databasebestand '{path}' kan niet worden geopend of beschreven ({ex.Message}). " +
                "Controleer of de map bestaat en of deze gebruiker er mag schrijven, of kies een andere plek met Monitor:DatabasePath.", ex);
        }
    }

    public static async Task<int> GetUserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static void EnsureFolder(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartupException(
                $"De map '{folder}' voor het databasebestand kan niet worden aangemaakt ({ex.Message}). " +
                "Kies een schrijfbare map met Monitor:DatabasePath.", ex);
        }
    }

    // Checked before SQLite touches the file: opening a non-database file in WAL mode could write beside it.
    private static void CheckExistingFile(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var header = new byte[_sqliteHeader.Length];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartupException(
                $"Het databasebestand '{path}' kan niet worden gelezen ({ex.Message}). Controleer de rechten op het bestand.", ex);
        }

        if (read == 0)
        {
            return; // an empty file is a new database
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(_sqliteHeader))
        {
            throw new DatabaseStartupException(
                $"Het bestand '{path}' is geen SQLite-database (de kop van het bestand klopt niet). " +
                "Zet een back-up terug of kies een ander bestand met Monitor:DatabasePath. Het bestand is niet gewijzigd.");
        }
    }

    private static async Task QuickCheckAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1);";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw new DatabaseStartupException(
                $"Het databasebestand '{path}' is beschadigd (integriteitscontrole: {result}). " +
                "Zet een back-up terug; het bestand is niet gewijzigd.");
        }
    }

    private static async Task ApplyAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var version = connection.CreateCommand())
        {
            version.Transaction = transaction;
            // PRAGMA takes no parameters; the version is an int parsed from the resource name.
            version.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version};");
            await version.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbeddedMigrations()
    {
        const string prefix = "Monitor.Core.Storage.Migrations.";
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[prefix.Length..];
            var match = MigrationFileName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration resource '{fileName}' is not named NNNN_verb_noun.sql.");
            }

            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3, ... without gaps; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationFileName();
}
