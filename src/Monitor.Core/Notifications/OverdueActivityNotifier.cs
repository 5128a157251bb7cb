using System.Globalization;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Planning;
using Monitor.Core.Projects;

namespace Monitor.Core.Notifications;

/// <summary>
/// Daily: tells each project's projectleiders which plan activities are overdue (planned month passed, not done).
/// Owners in the plan are role names, not accounts, so the projectleiders get the message. One message per
/// activity per person per day at most.
/// </summary>
public sealed class OverdueActivityNotifier
{
    private readonly ProjectStore _projects;
    private readonly PlanStore _plans;
    private readonly AccountStore _accounts;
    private readonly NotificationStore _notifications;
    private readonly TimeProvider _time;

    public OverdueActivityNotifier(ProjectStore projects, PlanStore plans, AccountStore accounts, NotificationStore notifications, TimeProvider time)
    {
        _projects = projects;
        _plans = plans;
        _accounts = accounts;
        _notifications = notifications;
        _time = time;
    }

    /// <summary>Returns how many notifications were added.</summary>
    public async Task<int> NotifyAsync(CancellationToken cancellationToken = default)
    {
        var today = DutchClock.Today(_time);
        var leaders = await _accounts.UsersByProjectAsync([ProjectRole.Projectleider], cancellationToken);
        var added = 0;
        foreach (var project in await _projects.ListAsync(cancellationToken))
        {
            if (!leaders.Contains(project.Id) || await _plans.FindPlanAsync(project.Id, cancellationToken) is not { } plan)
            {
                continue;
            }

            foreach (var activity in plan.Activities.Where(a => PlanScoring.IsOverdue(a.Fields, today)))
            {
                foreach (var userId in leaders[project.Id])
                {
                    var title = $"Over tijd: {activity.Fields.Title}";
                    var body = string.Create(CultureInfo.InvariantCulture, $"{project.Name}, fase {activity.Fields.Phase}: gepland in {activity.Fields.PlannedMonth}, status {activity.Fields.Status.ToCode()}. Eigenaar: {(activity.Fields.Owner.Length > 0 ? activity.Fields.Owner : "niet ingevuld")}.");
                    var key = string.Create(CultureInfo.InvariantCulture, $"overdue:{activity.Id}:{today:yyyy-MM-dd}");
                    if (await _notifications.AddAsync(userId, project.Id, title, body, $"/projecten/{project.Id}/plan/activiteit/{activity.Id}", key, cancellationToken))
                    {
                        added++;
                    }
                }
            }
        }

        return added;
    }
}
