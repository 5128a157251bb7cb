using System.Text.Json;
using Monitor.Core.Common;

namespace Monitor.Core.Planning;

/// <summary>
/// The plan as a version froze it: the phase, the goal per phase and every activity with the id it has in the live
/// plan (so two versions and the live plan can be compared activity by activity).
/// </summary>
public sealed record PlanSnapshot(int CurrentPhase, IReadOnlyList<PhaseGoal> Goals, IReadOnlyList<PlanSnapshotActivity> Activities)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>The live plan, frozen.</summary>
    public static PlanSnapshot From(ImplementationPlan plan) =>
        new(plan.CurrentPhase, [.. plan.Goals.OrderBy(g => g.Phase)], [.. plan.Activities.Select(a => new PlanSnapshotActivity(a.Id, a.Key, a.Fields))]);

    /// <summary>The stored form: plain JSON with the codes of <see cref="Codes"/>, readable without this class.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Stored(CurrentPhase, [.. Goals.Select(g => new StoredGoal(g.Phase, g.Goal))],
        [.. Activities.Select(a => new StoredActivity(a.Id, a.Key, a.Fields.Phase, a.Fields.Title, a.Fields.Description, a.Fields.TargetGroup.ToCode(), a.Fields.Actors,
            a.Fields.Barriers, a.Fields.Facilitators, a.Fields.Preconditions, a.Fields.Owner, a.Fields.PlannedMonth?.ToString(), a.Fields.Status.ToCode(), a.Fields.Determinants))]), _json);

    public static PlanSnapshot FromJson(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, _json) ?? throw new FormatException("Lege planversie.");
        return new PlanSnapshot(stored.CurrentPhase, [.. stored.Goals.Select(g => new PhaseGoal(g.Phase, g.Goal))],
            [.. stored.Activities.Select(a => new PlanSnapshotActivity(a.Id, a.Key, new PlanActivityDraft
            {
                Phase = a.Phase,
                Title = a.Title,
                Description = a.Description,
                TargetGroup = Codes.Parse<TargetGroup>(a.TargetGroup),
                Actors = a.Actors,
                Barriers = a.Barriers,
                Facilitators = a.Facilitators,
                Preconditions = a.Preconditions,
                Owner = a.Owner,
                PlannedMonth = a.PlannedMonth is { } month ? YearMonth.Parse(month) : null,
                Status = Codes.Parse<ActivityStatus>(a.Status),
                Determinants = a.Determinants,
            }))]);
    }

    private sealed record Stored(int CurrentPhase, IReadOnlyList<StoredGoal> Goals, IReadOnlyList<StoredActivity> Activities);

    private sealed record StoredGoal(int Phase, string Goal);

    private sealed record StoredActivity(long Id, string Key, int Phase, string Title, string Description, string TargetGroup, string Actors, string Barriers, string Facilitators,
        string Preconditions, string Owner, string? PlannedMonth, string Status, IReadOnlyList<int> Determinants);
}

/// <summary>An activity in a <see cref="PlanSnapshot"/>: its id and key (<see cref="PlanActivity.Key"/>) in the live plan and its fields then.</summary>
public sealed record PlanSnapshotActivity(long Id, string Key, PlanActivityDraft Fields);
