using System.Globalization;
using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Notifications;
using Monitor.Core.Projects;

namespace Monitor.Core.Reports;

/// <summary>
/// The monthly progress report: for every running project, the Voortgangsrapportage over the previous calendar
/// month (built-in or the project's chosen template: the built-in one), stored as a snapshot, and an inbox
/// notification to the project's projectleiders and management. Idempotent per project and month: a run after
/// downtime (or a second run) makes the missing report once, never twice.
/// </summary>
public sealed class MonthlyProgressReports
{
    private readonly ProjectStore _projects;
    private readonly ReportService _reports;
    private readonly AccountStore _accounts;
    private readonly NotificationStore _notifications;
    private readonly ReportSchedule _schedules;

    public MonthlyProgressReports(ProjectStore projects, ReportService reports, AccountStore accounts, NotificationStore notifications, ReportSchedule schedules)
    {
        _projects = projects;
        _reports = reports;
        _accounts = accounts;
        _notifications = notifications;
        _schedules = schedules;
    }

    /// <summary>
    /// The scheduled run (the worker checks every hour): each project's own schedule, or <paramref name="defaultCron"/>
    /// in Europe/Amsterdam, decides the last moment a report was due; the report of the month before that moment is
    /// made if it is not there yet. So each project gets its report once, on its own day, also after downtime.
    /// </summary>
    public async Task<int> GenerateScheduledAsync(DateTimeOffset now, string defaultCron, CancellationToken cancellationToken = default)
    {
        var made = 0;
        foreach (var project in await _projects.ListAsync(cancellationToken))
        {
            var setting = await _schedules.FindAsync(project.Id, cancellationToken);
            var zone = setting?.TimeZone ?? ReportSchedule.DefaultTimeZone;
            if (ReportSchedule.LastFireAtOrBefore(setting?.Cron ?? defaultCron, zone, now) is not { } due)
            {
                continue;
            }

            var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
            made += await GenerateDueAsync(local, project.Id, cancellationToken);
        }

        return made;
    }

    /// <summary>Generates the reports that are due on <paramref name="today"/>; returns how many were made.</summary>
    public Task<int> GenerateDueAsync(DateOnly today, CancellationToken cancellationToken = default) => GenerateDueAsync(today, null, cancellationToken);

    private async Task<int> GenerateDueAsync(DateOnly today, long? onlyProject, CancellationToken cancellationToken)
    {
        var period = ReportService.PreviousMonth(today);
        var recipients = await _accounts.UsersByProjectAsync([ProjectRole.Projectleider, ProjectRole.Management], cancellationToken);
        var made = 0;
        foreach (var project in (await _projects.ListAsync(cancellationToken)).Where(p => onlyProject is null || p.Id == onlyProject))
        {
            // a project that had not started or had ended before the month gets no report for it
            if (project.StartDate > period.To || project.EndDate is { } end && end < period.From)
            {
                continue;
            }

            if (await _reports.HasScheduledReportAsync(project.Id, ReportKind.Voortgang, period.From, period.To, cancellationToken))
            {
                continue;
            }

            var snapshot = await _reports.GenerateAsync(project.Id, ReportKind.Voortgang, null, period, new Actor(null, Author), scheduled: true, cancellationToken);
            made++;
            var month = period.From.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
            foreach (var userId in recipients[project.Id].Distinct())
            {
                await _notifications.AddAsync(userId, project.Id, $"Voortgangsrapportage {month}: {project.Name}",
                    $"De maandelijkse voortgangsrapportage over {month} staat klaar.", $"/projecten/{project.Id}/rapporten/{snapshot!.Info.Id}",
                    $"progress-report:{project.Id}:{period.From:yyyy-MM}", cancellationToken);
            }
        }

        return made;
    }

    /// <summary>The author recorded on the scheduled reports (migration 0019 marked the earlier ones scheduled by it).</summary>
    public const string Author = "Maandelijkse rapportage";
}
