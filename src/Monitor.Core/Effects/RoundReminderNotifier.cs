using System.Globalization;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Notifications;
using Monitor.Core.Projects;

namespace Monitor.Core.Effects;

/// <summary>
/// Daily: for each open measurement round that closes within <see cref="DaysBeforeClose"/> days and has fewer responses
/// than its intended respondents, tells the project's projectleiders and onderzoekers in their inbox how far the
/// response is. One message per round per person per day at most.
/// </summary>
public sealed class RoundReminderNotifier
{
    public const int DaysBeforeClose = 3;

    private readonly ProjectStore _projects;
    private readonly SurveyRoundStore _rounds;
    private readonly AccountStore _accounts;
    private readonly NotificationStore _notifications;
    private readonly TimeProvider _time;

    public RoundReminderNotifier(ProjectStore projects, SurveyRoundStore rounds, AccountStore accounts, NotificationStore notifications, TimeProvider time)
    {
        _projects = projects;
        _rounds = rounds;
        _accounts = accounts;
        _notifications = notifications;
        _time = time;
    }

    /// <summary>Returns how many notifications were added.</summary>
    public async Task<int> NotifyAsync(CancellationToken cancellationToken = default)
    {
        var today = DutchClock.Today(_time);
        var team = await _accounts.UsersByProjectAsync([ProjectRole.Projectleider, ProjectRole.Onderzoeker], cancellationToken);
        var added = 0;
        foreach (var project in await _projects.ListAsync(cancellationToken))
        {
            if (!team.Contains(project.Id))
            {
                continue;
            }

            foreach (var round in (await _rounds.ListAsync(project.Id, cancellationToken)).Where(r => IsDue(r, today)))
            {
                var intended = round.Intended!.Value;
                var title = string.Create(CultureInfo.InvariantCulture, $"Ronde '{round.Name}' sluit op {round.ClosesOn:dd-MM-yyyy}; nu {round.Responses} van {intended} antwoorden ({Math.Round(100.0 * round.Responses / intended, MidpointRounding.AwayFromZero):0} %).");
                var body = $"{project.Name}: de meetronde sluit binnenkort en heeft nog niet het beoogde aantal antwoorden.";
                var key = string.Create(CultureInfo.InvariantCulture, $"survey-round:{round.Id}:{today:yyyy-MM-dd}");
                foreach (var userId in team[project.Id])
                {
                    if (await _notifications.AddAsync(userId, project.Id, title, body, $"/projecten/{project.Id}/effectmeting", key, cancellationToken))
                    {
                        added++;
                    }
                }
            }
        }

        return added;
    }

    /// <summary>Open today, closing within the days before close, and below its intended respondents.</summary>
    public static bool IsDue(MeasurementRound round, DateOnly today) =>
        round.Intended is { } intended && round.Responses < intended && round.OpensOn <= today && today <= round.ClosesOn && round.ClosesOn.DayNumber - today.DayNumber <= DaysBeforeClose;
}
