using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Interop;
using Monitor.Core.Meetings;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>
/// File downloads of a project. Every free-text value passes the project's pseudonymizer, so listed
/// names leave the tool only as their code. ?scheiding=komma gives ',' instead of ';'.
/// </summary>
internal static class ExportEndpoints
{
    public static RouteGroupBuilder MapExportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/projecten/{id:long}").WithTags("Exports");

        group.MapGet("/audit.csv", async (long id, string? entity, long? entityId, string? scheiding, AuditStore audit, PrivacyStore privacy, CancellationToken cancellationToken) =>
        {
            var pseudonymizer = await privacy.GetPseudonymizerAsync(id, cancellationToken);
            var entries = await audit.ListAsync(projectId: id, entity: string.IsNullOrEmpty(entity) ? null : entity, entityId: entityId, limit: 100_000, cancellationToken: cancellationToken);
            var csv = new CsvWriter(Separator(scheiding)).Row("tijdstip_utc", "wie", "entiteit", "entiteit_id", "actie", "veld", "oud", "nieuw");
            foreach (var entry in entries)
            {
                var at = entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                var entityKey = entry.EntityId?.ToString(CultureInfo.InvariantCulture);
                var who = pseudonymizer.Apply(entry.ActorName);
                if (entry.Changes.Count == 0)
                {
                    csv.Row(at, who, entry.Entity, entityKey, entry.Action, "", "", "");
                }

                foreach (var (field, change) in entry.Changes)
                {
                    csv.Row(at, who, entry.Entity, entityKey, entry.Action, field, pseudonymizer.Apply(change.Old), pseudonymizer.Apply(change.New));
                }
            }

            return Results.File(csv.ToBytes(), "text/csv; charset=utf-8", $"wijzigingslog-project-{id}.csv");
        }).RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewAudit));

        group.MapGet("/bijeenkomsten.csv", async (long id, string? scheiding, ProjectStore projects, PrivacyStore privacy, CancellationToken cancellationToken) =>
        {
            if (await projects.FindAsync(id, cancellationToken) is not { } project)
            {
                return Results.NotFound();
            }

            var pseudonymizer = await privacy.GetPseudonymizerAsync(id, cancellationToken);
            var csv = new CsvWriter(Separator(scheiding)).Row("groep", "soort_groep", "datum", "datum_precisie", "titel", "duur_minuten", "toelichting");
            foreach (var group in project.Groups)
            {
                foreach (var meeting in group.Meetings)
                {
                    csv.Row(
                        pseudonymizer.Apply(group.Name),
                        group.Kind.ToCode(),
                        meeting.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        meeting.DatePrecision == DatePrecision.Month ? "maand" : "dag",
                        pseudonymizer.Apply(meeting.Title),
                        meeting.DurationMinutes?.ToString(CultureInfo.InvariantCulture),
                        pseudonymizer.Apply(meeting.Note));
                }
            }

            return Results.File(csv.ToBytes(), "text/csv; charset=utf-8", $"bijeenkomsten-{project.Slug}.csv");
        }).RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewMeetingDetails));

        group.MapGet("/reflecties.csv", async (long id, string? scheiding, ProjectStore projects, ReflectionStore reflections, PrivacyStore privacy, CancellationToken cancellationToken) =>
        {
            if (await projects.FindAsync(id, cancellationToken) is not { } project)
            {
                return Results.NotFound();
            }

            var pseudonymizer = await privacy.GetPseudonymizerAsync(id, cancellationToken);
            var csv = new CsvWriter(Separator(scheiding)).Row("groep", "datum", "bijeenkomst", "deelnemer", "wel_gewerkt", "minder_gewerkt", "opvolging", "opgevolgd_in");
            foreach (var row in await reflections.ListForProjectAsync(id, cancellationToken))
            {
                var reflection = row.Reflection;
                csv.Row(
                    pseudonymizer.Apply(row.GroupName),
                    row.HeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    pseudonymizer.Apply(row.MeetingTitle),
                    // null in an anonymous group: the store never returns the author there
                    pseudonymizer.Apply(reflection.AuthorLabel),
                    pseudonymizer.Apply(reflection.WentWell),
                    pseudonymizer.Apply(reflection.WentLess),
                    pseudonymizer.Apply(reflection.FollowUp?.Text),
                    reflection.FollowUp?.MeetingHeldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            return Results.File(csv.ToBytes(), "text/csv; charset=utf-8", $"reflecties-{project.Slug}.csv");
        }).RequireAuthorization(ProjectAccess.PolicyName(Capability.ViewMeetingDetails));

        return group;
    }

    private static char Separator(string? choice) => string.Equals(choice, "komma", StringComparison.OrdinalIgnoreCase) ? ',' : ';';
}
