using Microsoft.Extensions.Options;
using Monitor.Core.Common;
using Monitor.Core.Notifications;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>Daily meeting reminders and rhythm check (see <see cref="MeetingReminders"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class MeetingRemindersJob : IJob
{
    private readonly MeetingReminders _reminders;
    private readonly TimeProvider _time;
    private readonly IOptions<WorkerOptions> _options;

    public MeetingRemindersJob(MeetingReminders reminders, TimeProvider time, IOptions<WorkerOptions> options)
    {
        _reminders = reminders;
        _time = time;
        _options = options;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sent = await _reminders.RunAsync(DutchClock.Today(_time), _options.Value.ReminderDaysBefore, cancellationToken);
        context.Result = $"{sent} meldingen";
    }
}
