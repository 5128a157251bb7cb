using Monitor.Core.Accounts;
using Monitor.Core.Notifications;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Writes every job run (start, end, outcome, message) to job_runs for the beheerder's job history page, and retries
/// a failed run with back-off: after 1, 5 and 15 minutes (a one-shot trigger for the same job; its regular schedule
/// and the other jobs carry on), then gives up until the next scheduled run.
/// </summary>
internal sealed class JobHistoryListener : IJobListener
{
    public const string RetryKey = "monitor.retry";
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];
    private readonly NotificationStore _store;
    private readonly AccountStore _accounts;
    // the job_runs row of each fire between its start and its end, by Quartz's fire instance id
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _runs = new(StringComparer.Ordinal);

    public JobHistoryListener(NotificationStore store, AccountStore accounts)
    {
        _store = store;
        _accounts = accounts;
    }

    public string Name => "job-history";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The runner is the cluster member (scheduler instance id) that runs this fire, so the history shows which one did.
        _runs[context.FireInstanceId] = await _store.StartRunAsync(context.JobDetail.Key.Name, context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, cancellationToken);
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = jobException?.InnerException?.Message ?? jobException?.Message ?? context.Result as string ?? "";
        if (context.Recovering)
        {
            message = $"opnieuw gestart: de planner die deze taak uitvoerde viel uit. {message}".TrimEnd();
        }

        if (jobException is not null)
        {
            // job data is stored as strings (the job store's StoreJobDataAsStrings), so the attempt is one too
            var attempt = (context.Trigger.JobDataMap.TryGetValue(RetryKey, out var value) && int.TryParse(value as string, System.Globalization.CultureInfo.InvariantCulture, out var previous) ? previous : 0) + 1;
            if (attempt <= RetryDelays.Length)
            {
                var at = (context.FireTimeUtc + RetryDelays[attempt - 1]).ToUniversalTime();
                var retry = TriggerBuilder.Create()
                    .WithIdentity($"{context.JobDetail.Key.Name}-retry-{attempt}-{Guid.NewGuid():N}", "retries")
                    .ForJob(context.JobDetail.Key)
                    .UsingJobData(RetryKey, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .StartAt(at)
                    .Build();
                await context.Scheduler.ScheduleJob(retry, cancellationToken: cancellationToken);
                message += $" — nieuwe poging {attempt} van {RetryDelays.Length} om {at.ToOffset(TimeSpan.Zero):HH:mm} UTC";
            }
        }

        if (_runs.TryRemove(context.FireInstanceId, out var runId))
        {
            await _store.FinishRunAsync(runId, jobException is null, message, cancellationToken);
            if (jobException is not null)
            {
                // a failure is visible: in the history and in every beheerder's inbox
                foreach (var admin in (await _accounts.ListAsync(cancellationToken)).Where(a => a.Account.IsAdmin))
                {
                    await _store.AddAsync(admin.Account.Id, null, $"Taak mislukt: {context.JobDetail.Key.Name}", message.Length > 3900 ? message[..3900] : message,
                        "/beheer/taken", $"job-failed:{runId}", cancellationToken);
                }
            }
        }
    }
}
