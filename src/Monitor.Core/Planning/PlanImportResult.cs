
using Monitor.Core.Common;

namespace Monitor.Core.Planning;

/// <summary>
/// What <see cref="PlanCsv.Import"/> or <see cref="PlanXlsx.Import"/> read from an implementation plan.
/// </summary>
/// <remarks>
/// All or nothing: when any row is invalid (or the file itself is refused), <see cref="Activities"/> and
/// <see cref="Goals"/> are empty and <see cref="Errors"/> lists every problem of every invalid row, so a person
/// can fix the whole sheet in one go and never ends up with half a plan. Each error's
/// <see cref="ValidationError.Field"/> names the row as Excel numbers it (the heading row is row 1) and the
/// column heading, e.g. "rij 4, planning (maand)"; problems with the file as a whole have the field "bestand".
/// </remarks>
public sealed record PlanImportResult
{
    /// <summary>The activities in sheet order; empty when <see cref="Errors"/> is not.</summary>
    public required IReadOnlyList<PlanActivityDraft> Activities { get; init; }

    /// <summary>The phase goals (sheet "Fasedoelen"; a CSV file has none); empty when <see cref="Errors"/> is not.</summary>
    public required IReadOnlyList<PhaseGoal> Goals { get; init; }

    /// <summary>Every problem found, with a Dutch message saying how to fix it.</summary>
    public required IReadOnlyList<ValidationError> Errors { get; init; }

    internal static PlanImportResult From(
        IReadOnlyList<PlanActivityDraft> activities, IReadOnlyList<PhaseGoal> goals, IReadOnlyList<ValidationError> errors) =>
        errors.Count > 0
            ? new PlanImportResult { Activities = [], Goals = [], Errors = errors }
            : new PlanImportResult { Activities = activities, Goals = goals, Errors = [] };

    internal static PlanImportResult Refused(ValidationError error) =>
        new() { Activities = [], Goals = [], Errors = [error] };
}
