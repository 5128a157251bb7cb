using Monitor.Core.Data;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>Keeps the shared database's WAL file small (see <see cref="DatabaseMaintenance.CheckpointAsync"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class CheckpointDatabaseJob : IJob
{
    private readonly DatabaseMaintenance _maintenance;
    private readonly ILogger<CheckpointDatabaseJob> _logger;

    public CheckpointDatabaseJob(DatabaseMaintenance maintenance, ILogger<CheckpointDatabaseJob> logger)
    {
        _maintenance = maintenance;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var frames = await _maintenance.CheckpointAsync(cancellationToken);
        if (frames is null)
        {
            _logger.LogInformation("{JobKey}: database busy, checkpoint postponed to the next run", context.JobDetail.Key);
        }
        else
        {
            _logger.LogInformation("{JobKey}: {Frames} WAL frames checkpointed", context.JobDetail.Key, frames);
        }
    }
}
