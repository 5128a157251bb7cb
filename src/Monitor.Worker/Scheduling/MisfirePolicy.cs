namespace Monitor.Worker.Scheduling;

/// <summary>What a job's trigger does with the runs it missed while no scheduler instance of the cluster ran (downtime, all threads busy).</summary>
public enum MisfirePolicy
{
    /// <summary>Run once as soon as the scheduler is back, then follow the schedule (Quartz: fire once now; also its smart policy for cron).</summary>
    FireOnceNow,

    /// <summary>Skip the missed runs and wait for the next scheduled one (for frequent jobs, where the next run comes soon).</summary>
    DoNothing,
}
