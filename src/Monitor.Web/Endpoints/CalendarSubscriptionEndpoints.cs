using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Accounts;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// /kalender/{token}.ics: the personal calendar subscription (issue #16). Calendar apps send no login cookie, so the
/// secret address stands in for it: the feed holds the meetings of every group in the projects its owner may see now
/// (the role table decides), and an unknown or revoked address is a plain 404.
/// </summary>
internal static class CalendarSubscriptionEndpoints
{
    public static RouteHandlerBuilder MapCalendarSubscriptionEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/kalender/{token}.ics", FeedAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<Results<ContentHttpResult, NotFound>> FeedAsync(string token, CalendarSubscriptionStore subscriptions, AccountStore accounts,
        ProjectStore projects, GroupStore groups, MeetingStore meetings, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await subscriptions.FindUserAsync(token, cancellationToken) is not { } userId || await accounts.FindAsync(userId, cancellationToken) is not { } account)
        {
            return TypedResults.NotFound();
        }

        var roles = await accounts.GetProjectRolesAsync(userId, cancellationToken);
        var visible = (await projects.ListAsync(cancellationToken))
            .Where(p => account.IsAdmin || (roles.TryGetValue(p.Id, out var role) && ProjectAccess.Allows(role, Capability.ViewProject)));
        var events = new List<CalendarEvent>();
        foreach (var project in visible)
        {
            foreach (var group in await groups.ListGroupsAsync(project.Id, cancellationToken) ?? [])
            {
                if (await groups.FindGroupAsync(project.Id, group.Id, cancellationToken) is { } detail)
                {
                    events.AddRange(CalendarFeed.Events(detail, await meetings.CalendarRevisionsAsync(group.Id, cancellationToken)));
                }
            }
        }

        var calendar = ICalendarWriter.Write("ImplementatieMonitor", events.OrderBy(e => e.LocalStart), time.GetUtcNow());
        return TypedResults.Text(calendar, "text/calendar; charset=utf-8");
    }
}
