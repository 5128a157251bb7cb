using System.Globalization;
using Monitor.Core.Common;

namespace Monitor.Core.Planning;

/// <summary>What a plan difference says about one activity.</summary>
public enum ActivityChangeKind
{
    Toegevoegd,
    Verwijderd,
    Gewijzigd,
}

/// <summary>One field of an activity that differs: its code ("plannedMonth"), Dutch label and the two values as text.</summary>
public sealed record FieldDifference(string Field, string Label, string Before, string After);

/// <summary>An activity added, removed or changed between two plans (with the fields that changed).</summary>
public sealed record ActivityChange(ActivityChangeKind Kind, long ActivityId, int Phase, string Title, IReadOnlyList<FieldDifference> Fields);

/// <summary>The goal of a phase before and after ("" when there was none).</summary>
public sealed record GoalChange(int Phase, string Before, string After);

/// <summary>
/// The readable difference between two plans (two versions, or a baseline and the live plan): the phase, the goals
/// and the activities added, removed and changed with their fields. Progress (status and its dates) is not a change
/// of the plan and is left out: a version is compared on what was planned.
/// </summary>
public sealed record PlanDiff(int PhaseBefore, int PhaseAfter, IReadOnlyList<GoalChange> Goals, IReadOnlyList<ActivityChange> Activities)
{
    // Plans hold tens of activities; the budget only guards against a pathological pair.
    private const long DiffBudget = 1_000_000;

    public bool IsEmpty => PhaseBefore == PhaseAfter && Goals.Count == 0 && Activities.Count == 0;

    public int Count(ActivityChangeKind kind) => Activities.Count(a => a.Kind == kind);

    /// <summary>
    /// Compares two plans. Activities are matched by their key in the live plan, in the order the plan page shows them
    /// (phase, month); the runs both share come from <see cref="SequenceDiff"/>, and an activity that left its place
    /// (another phase or month) counts as changed, not as removed and added.
    /// </summary>
    public static PlanDiff Compare(PlanSnapshot before, PlanSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Ordered(before);
        var b = Ordered(after);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Intern(List<PlanSnapshotActivity> list) => [.. list.Select(x => keys.TryGetValue(x.Key, out var n) ? n : keys[x.Key] = keys.Count)];
        var (sa, sb) = (Intern(a), Intern(b));

        var steps = new List<(PlanSnapshotActivity? Old, PlanSnapshotActivity? New)>();
        var (x, y) = (0, 0);
        void ChangesUpTo(int aEnd, int bEnd)
        {
            while (x < aEnd)
            {
                steps.Add((a[x++], null));
            }

            while (y < bEnd)
            {
                steps.Add((null, b[y++]));
            }
        }

        new SequenceDiff(DiffBudget).Run(sa, 0, sa.Length, sb, 0, sb.Length, (i, j, count) =>
        {
            ChangesUpTo(i, j);
            for (var k = 0; k < count; k++)
            {
                steps.Add((a[i + k], b[j + k]));
            }

            (x, y) = (i + count, j + count);
        });
        ChangesUpTo(a.Count, b.Count);

        // an activity removed at one place and added at another moved: one change at its new place
        var addedKeys = steps.Where(s => s.Old is null).Select(s => s.New!.Key).ToHashSet(StringComparer.Ordinal);
        var oldByKey = a.ToDictionary(v => v.Key, StringComparer.Ordinal);
        var changes = new List<ActivityChange>();
        foreach (var (old, current) in steps)
        {
            if (old is not null && current is null)
            {
                if (!addedKeys.Contains(old.Key))
                {
                    changes.Add(new ActivityChange(ActivityChangeKind.Verwijderd, old.Id, old.Fields.Phase, old.Fields.Title, []));
                }

                continue;
            }

            var was = old ?? oldByKey.GetValueOrDefault(current!.Key);
            if (was is null)
            {
                changes.Add(new ActivityChange(ActivityChangeKind.Toegevoegd, current!.Id, current.Fields.Phase, current.Fields.Title, []));
            }
            else if (Fields(was.Fields, current!.Fields) is { Count: > 0 } fields)
            {
                changes.Add(new ActivityChange(ActivityChangeKind.Gewijzigd, current.Id, current.Fields.Phase, current.Fields.Title, fields));
            }
        }

        var goals = before.Goals.Select(g => g.Phase).Union(after.Goals.Select(g => g.Phase)).Order()
            .Select(p => new GoalChange(p, Goal(before, p), Goal(after, p))).Where(g => !string.Equals(g.Before, g.After, StringComparison.Ordinal)).ToList();
        return new PlanDiff(before.CurrentPhase, after.CurrentPhase, goals, changes);
    }

    private static string Goal(PlanSnapshot plan, int phase) => plan.Goals.FirstOrDefault(g => g.Phase == phase)?.Goal ?? "";

    private static List<PlanSnapshotActivity> Ordered(PlanSnapshot plan) =>
        [.. plan.Activities.OrderBy(v => v.Fields.Phase).ThenBy(v => v.Fields.PlannedMonth is null).ThenBy(v => v.Fields.PlannedMonth).ThenBy(v => v.Id)];

    private static List<FieldDifference> Fields(PlanActivityDraft before, PlanActivityDraft after)
    {
        var fields = new List<FieldDifference>();
        void Compare(string field, string label, string old, string current)
        {
            if (!string.Equals(old.Trim(), current.Trim(), StringComparison.Ordinal))
            {
                fields.Add(new FieldDifference(field, label, old, current));
            }
        }

        Compare("phase", "fase", before.Phase.ToString(CultureInfo.InvariantCulture), after.Phase.ToString(CultureInfo.InvariantCulture));
        Compare("title", "activiteit", before.Title, after.Title);
        Compare("plannedMonth", "maand van realisatie", before.PlannedMonth?.ToString() ?? "", after.PlannedMonth?.ToString() ?? "");
        Compare("owner", "uitvoerder/eigenaar", before.Owner, after.Owner);
        Compare("targetGroup", "doelgroep", before.TargetGroup.ToCode(), after.TargetGroup.ToCode());
        Compare("description", "omschrijving", before.Description, after.Description);
        Compare("actors", "actoren", before.Actors, after.Actors);
        Compare("barriers", "belemmerende factoren", before.Barriers, after.Barriers);
        Compare("facilitators", "bevorderende factoren", before.Facilitators, after.Facilitators);
        Compare("preconditions", "randvoorwaarden", before.Preconditions, after.Preconditions);
        Compare("determinants", "MIDI-determinanten", string.Join(", ", before.Determinants), string.Join(", ", after.Determinants));
        return fields;
    }
}
