using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Monitor.Core.Notifications;
using Monitor.Web.Security;
using Monitor.Worker.Scheduling;
using Monitor.Worker;

namespace Monitor.Web.Pages.Admin;

/// <summary>The scheduled jobs of the <see cref="JobCatalogue"/>: schedule and its time zone, next and last run, outcome; and the recent run history.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class JobsModel : PageModel
{
    private readonly ClusterScheduler _scheduler;
    private readonly IOptions<WorkerOptions> _options;
    private readonly NotificationStore _store;
    private readonly TimeProvider _time;
    private readonly IStringLocalizer<SharedResource> _t;

    public JobsModel(ClusterScheduler scheduler, IOptions<WorkerOptions> options, NotificationStore store, TimeProvider time, IStringLocalizer<SharedResource> t)
    {
        _t = t;
        _scheduler = scheduler;
        _options = options;
        _store = store;
        _time = time;
    }

    /// <summary>True when this web app runs a scheduler instance of the cluster; otherwise only the separate worker runs the jobs.</summary>
    public bool RunsHere { get; private set; }

    public IReadOnlyList<(string Name, string Cron, string Zone, DateTimeOffset? Next, JobRun? Last)> Jobs { get; private set; } = [];

    public IReadOnlyList<JobRun> Runs { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>Runs a job now (beheerder), for instance the monthly progress report: one fire in the shared job store, taken by one instance of the cluster.</summary>
    public async Task<IActionResult> OnPostRunAsync(string? job, CancellationToken cancellationToken)
    {
        var key = JobCatalogue.Find(job)?.Key;
        if (key is null)
        {
            return NotFound();
        }

        if (!_scheduler.IsRunning || _scheduler.Scheduler is not { } scheduler)
        {
            Message = _t["Jobs.OtherProcess"].Value;
            return RedirectToPage();
        }

        await scheduler.TriggerJob(key, cancellationToken: cancellationToken);
        Message = _t["Jobs.RunStarted", key.Name].Value;
        return RedirectToPage();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RunsHere = _scheduler.IsRunning;
        Runs = await _store.ListRunsAsync(cancellationToken: cancellationToken);
        var now = _time.GetUtcNow();
        var options = _options.Value;
        Jobs = [.. JobCatalogue.Jobs.Select(job =>
            (job.Key.Name, job.Cron(options), job.Zone.Id, job.NextFireTime(options, now), Runs.FirstOrDefault(r => r.Job == job.Key.Name)))];
    }
}
