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
    private const string RunIdKey = "monitor.run-id";
    public const string RetryKey = "monitor.retry";
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)];
    private readonly NotificationStore _store;
    private readonly AccountStore _accounts;

    public JobHistoryListener(NotificationStore store, AccountStore accounts)
    {
        _store = store;
        _accounts = accounts;
    }

    public string Name => "job-history";

    /// <summary>Which process runs the jobs: machine and process id.</summary>
    public static string Runner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Put(RunIdKey, await _store.StartRunAsync(context.JobDetail.Key.Name, context.ScheduledFireTimeUtc, Runner, cancellationToken));
    }

    public Task JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = jobException?.InnerException?.Message ?? jobException?.Message ?? context.Result as string ?? "";
        if (jobException is not null)
        {
            var attempt = (context.Trigger.JobDataMap.TryGetValue(RetryKey, out var value) && value is int previous ? previous : 0) + 1;
            if (attempt <= RetryDelays.Length)
            {
                var at = (context.FireTimeUtc + RetryDelays[attempt - 1]).ToUniversalTime();
                var retry = TriggerBuilder.Create()
                    .WithIdentity($"{context.JobDetail.Key.Name}-retry-{attempt}-{Guid.NewGuid():N}", "retries")
                    .ForJob(context.JobDetail.Key)
                    .UsingJobData(RetryKey, attempt)
                    .StartAt(at)
                    .Build();
                await context.Scheduler.ScheduleJob(retry, cancellationToken);
                message += $" — nieuwe poging {attempt} van {RetryDelays.Length} om {at.ToOffset(TimeSpan.Zero):HH:mm} UTC";
            }
        }

        if (context.Get(RunIdKey) is long runId)
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
