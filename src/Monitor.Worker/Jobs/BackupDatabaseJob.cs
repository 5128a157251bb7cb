using Monitor.Core.Backups;
using Monitor.Core.Data;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>Makes a verified online backup and prunes old ones (see <see cref="BackupService"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class BackupDatabaseJob : IJob
{
    private readonly BackupService _backups;
    private readonly MonitorDatabase _database;
    private readonly ILogger<BackupDatabaseJob> _logger;

    public BackupDatabaseJob(BackupService backups, MonitorDatabase database, ILogger<BackupDatabaseJob> logger)
    {
        _backups = backups;
        _database = database;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_database.IsSqlite)
        {
            _logger.LogInformation("{JobKey}: the database is PostgreSQL; its backups are the operator's pg_dump, nothing to do here", context.JobDetail.Key);
            return;
        }

        try
        {
            var result = await _backups.CreateAsync(cancellationToken);
            _logger.LogInformation("{JobKey}: backup {Path} ({Bytes} bytes) verified; {Removed} old backups removed", context.JobDetail.Key, result.Path, result.Bytes, result.Removed.Count);
        }
        catch (BackupException ex)
        {
            // Visible in the log and to Quartz listeners; the next scheduled run tries again.
            _logger.LogError(ex, "{JobKey}: {Message}", context.JobDetail.Key, ex.Message);
            throw new JobExecutionException(ex);
        }
    }
}
