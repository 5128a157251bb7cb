using Monitor.Core.Notifications;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>Daily reminder of overdue plan activities (see <see cref="OverdueActivityNotifier"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class NotifyOverdueActivitiesJob : IJob
{
    private readonly OverdueActivityNotifier _notifier;
    private readonly ILogger<NotifyOverdueActivitiesJob> _logger;

    public NotifyOverdueActivitiesJob(OverdueActivityNotifier notifier, ILogger<NotifyOverdueActivitiesJob> logger)
    {
        _notifier = notifier;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var added = await _notifier.NotifyAsync(cancellationToken);
        context.Result = $"{added} meldingen";
        _logger.LogInformation("{JobKey}: {Count} overdue-activity notifications", context.JobDetail.Key, added);
    }
}
