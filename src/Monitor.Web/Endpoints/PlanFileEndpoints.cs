using Monitor.Core.Planning;
using Monitor.Core.Privacy;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Endpoints;

/// <summary>The plan as a file: /projecten/{id}/plan.csv (?scheiding=komma) and /projecten/{id}/plan.xlsx.</summary>
internal static class PlanFileEndpoints
{
    public static RouteGroupBuilder MapPlanFileEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/projecten/{id:long}").WithTags("Plan files");
        var view = ProjectAccess.PolicyName(Capability.ViewProject);

        group.MapGet("/plan.csv", async (long id, string? scheiding, PlanStore plans, ProjectStore projects, PrivacyStore privacy, CancellationToken cancellationToken) =>
        {
            if (await LoadAsync(id, plans, projects, privacy, cancellationToken) is not { } loaded)
            {
                return Results.NotFound();
            }

            var separator = string.Equals(scheiding, "komma", StringComparison.OrdinalIgnoreCase) ? ',' : ';';
            return Results.File(PlanCsv.Export(loaded.Activities, separator), "text/csv; charset=utf-8", $"implementatieplan-{loaded.Slug}.csv");
        }).RequireAuthorization(view);

        group.MapGet("/plan.xlsx", async (long id, PlanStore plans, ProjectStore projects, PrivacyStore privacy, CancellationToken cancellationToken) =>
        {
            if (await LoadAsync(id, plans, projects, privacy, cancellationToken) is not { } loaded)
            {
                return Results.NotFound();
            }

            return Results.File(PlanXlsx.Export(loaded.Activities, loaded.Goals), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"implementatieplan-{loaded.Slug}.xlsx");
        }).RequireAuthorization(view);

        return group;
    }

    /// <summary>The plan with every free text passed through the project's pseudonymizer.</summary>
    private static async Task<(string Slug, IReadOnlyList<PlanActivityDraft> Activities, IReadOnlyList<PhaseGoal> Goals)?> LoadAsync(long id, PlanStore plans, ProjectStore projects, PrivacyStore privacy, CancellationToken cancellationToken)
    {
        if (await projects.FindAsync(id, cancellationToken) is not { } project || await plans.FindPlanAsync(id, cancellationToken) is not { } plan)
        {
            return null;
        }

        var names = await privacy.GetPseudonymizerAsync(id, cancellationToken);
        var activities = plan.Activities.Select(a => Pseudonymise(a.Fields, names)).ToList();
        var goals = plan.Goals.Select(g => g with { Goal = names.Apply(g.Goal) }).ToList();
        return (project.Slug, activities, goals);
    }

    private static PlanActivityDraft Pseudonymise(PlanActivityDraft a, Pseudonymizer names) => a with
    {
        Title = names.Apply(a.Title),
        Description = names.Apply(a.Description),
        Actors = names.Apply(a.Actors),
        Barriers = names.Apply(a.Barriers),
        Facilitators = names.Apply(a.Facilitators),
        Preconditions = names.Apply(a.Preconditions),
        Owner = names.Apply(a.Owner),
    };
}
