using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Monitor.Core.Data;

/// <summary>
/// Brings the database file to the newest schema. Migrations are the embedded
/// Data/Migrations/NNNN_*.sql files; the applied version is PRAGMA user_version, written in the
/// same transaction as the migration, so a failed migration leaves the file as it was.
/// </summary>
public sealed partial class SchemaMigrator
{

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
        await CheckExistingFileAsync(path, cancellationToken);

        try
        {
            await using var connection = await _database.OpenSqliteAsync(cancellationToken);
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

            // A read-only, immutable or read-only-mounted file opens and reads fine; say so now, not at the first save.
            await DatabaseHealth.WriteProbeAsync(connection, cancellationToken);

            if (applied > 0)
            {
                _logger.LogInformation("Database {Path}: {Count} migration(s) applied, schema version {Version}", path, applied, LatestVersion);
            }

            return applied;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCodes.NotADatabase or SqliteCodes.Corrupt)
        {
            throw new DatabaseStartupException(
                $"Het bestand '{path}' is geen bruikbare SQLite-database (beschadigd of een ander soort bestand). " +
                "Zet een back-up terug of kies een ander bestand met Monitor:DatabasePath. Het bestand is niet gewijzigd.", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCodes.ReadOnly)
        {
            throw new DatabaseStartupException(
                $"Het databasebestand '{path}' is alleen-lezen (bestandsrechten, een alleen-lezen schijf of een vergrendeld bestand). " +
                "ImplementatieMonitor moet erin kunnen schrijven: geef schrijfrechten op het bestand en de map, of kies een andere plek met Monitor:DatabasePath.", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCodes.CantOpen or SqliteCodes.IoError or SqliteCodes.Permission)
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

    // Read through SQLite itself, read-only, before the pooled connections: opening and closing the file with
    // any other API drops every POSIX lock this process holds on it (SQLite's "How To Corrupt", section 2.2),
    // and a second process would then delete the WAL under a live connection. Read-only, so a file that is not
    // a database gets no journal or WAL written beside it.
    private static async Task CheckExistingFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!SafeFile.Exists(path))
        {
            return;
        }

        var readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            await using var connection = new SqliteConnection(readOnly);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA schema_version;";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCodes.NotADatabase)
        {
            throw new DatabaseStartupException(
                $"Het bestand '{path}' is geen SQLite-database (de kop van het bestand klopt niet). " +
                "Zet een back-up terug of kies een ander bestand met Monitor:DatabasePath. Het bestand is niet gewijzigd.", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCodes.CantOpen or SqliteCodes.Permission or SqliteCodes.IoError)
        {
            throw new DatabaseStartupException(
                $"Het databasebestand '{path}' kan niet worden geopend ({ex.Message}). Controleer of het bestand en de map leesbaar " +
                "en beschrijfbaar zijn (geen alleen-lezen schijf), of kies een andere plek met Monitor:DatabasePath.", ex);
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

    // A migration that starts with "-- foreign_keys: off" rebuilds a table (SQLite's 12-step ALTER TABLE procedure):
    // foreign keys are switched off around its transaction (they cannot be switched inside one) and checked before
    // the commit, so a rebuild neither cascades deletes nor leaves a dangling reference.
    private static async Task ApplyAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        var rebuild = migration.Sql.StartsWith("-- foreign_keys: off", StringComparison.Ordinal);
        if (rebuild)
        {
            await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;", cancellationToken);
        }

        try
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            if (rebuild)
            {
                await using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "PRAGMA foreign_key_check;";
                await using var reader = await check.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException(
                        $"Migration {migration.Version} ({migration.Name}) leaves a dangling reference in table {reader.GetString(0)}; nothing was changed.");
                }
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
        finally
        {
            if (rebuild)
            {
                await ExecuteAsync(connection, "PRAGMA foreign_keys = ON;", cancellationToken);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbeddedMigrations()
    {
        const string prefix = "Monitor.Core.Data.Migrations.";
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
