using Monitor.Core.Effects;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>Daily reminder of open measurement rounds that close soon below their intended response (see <see cref="RoundReminderNotifier"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class SurveyRoundRemindersJob : IJob
{
    private readonly RoundReminderNotifier _notifier;
    private readonly ILogger<SurveyRoundRemindersJob> _logger;

    public SurveyRoundRemindersJob(RoundReminderNotifier notifier, ILogger<SurveyRoundRemindersJob> logger)
    {
        _notifier = notifier;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var added = await _notifier.NotifyAsync(cancellationToken);
        context.Result = $"{added} meldingen";
        _logger.LogInformation("{JobKey}: {Count} survey-round reminders", context.JobDetail.Key, added);
    }
}
