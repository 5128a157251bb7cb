using Monitor.Core.Storage;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>Writes every job run (start, end, outcome, message) to job_runs for the beheerder's job history page.</summary>
internal sealed class JobHistoryListener : IJobListener
{
    private const string RunIdKey = "monitor.run-id";
    private readonly NotificationStore _store;

    public JobHistoryListener(NotificationStore store) => _store = store;

    public string Name => "job-history";

    public async Task JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Put(RunIdKey, await _store.StartRunAsync(context.JobDetail.Key.Name, cancellationToken));
    }

    public Task JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Get(RunIdKey) is long runId)
        {
            var message = jobException?.InnerException?.Message ?? jobException?.Message ?? context.Result as string ?? "";
            await _store.FinishRunAsync(runId, jobException is null, message, cancellationToken);
        }
    }
}
