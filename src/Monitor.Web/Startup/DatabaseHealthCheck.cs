using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitor.Core.Storage;

namespace Monitor.Web.Startup;

/// <summary>/health is healthy when the database opens and has the schema this build expects.</summary>
internal sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly MonitorDatabase _database;
    private readonly SchemaMigrator _migrator;

    public DatabaseHealthCheck(MonitorDatabase database, SchemaMigrator migrator)
    {
        _database = database;
        _migrator = migrator;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            var version = await SchemaMigrator.GetUserVersionAsync(connection, cancellationToken);
            return version == _migrator.LatestVersion
                ? HealthCheckResult.Healthy($"schema {version}")
                : HealthCheckResult.Unhealthy($"schema {version}, expected {_migrator.LatestVersion}");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return HealthCheckResult.Unhealthy("database unavailable", ex);
        }
    }
}
