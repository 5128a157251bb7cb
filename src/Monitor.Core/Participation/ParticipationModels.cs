namespace Monitor.Core.Participation;

/// <summary>What is recorded about one participation moment: who took part, at which rung, what was asked and what was done with it.</summary>
public sealed record ParticipationDraft
{
    /// <summary>The group the moment belongs to, or none for the project as a whole.</summary>
    public long? GroupId { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required ParticipationLevel Level { get; init; }
    /// <summary>The party that took part, e.g. "Cliëntenraad".</summary>
    public required string Party { get; init; }
    public string Asked { get; init; } = "";
    /// <summary>What the project did with the input (the first half of the feedback loop).</summary>
    public string DoneWithIt { get; init; } = "";
    /// <summary>When the party was told what was done with its input (closes the feedback loop).</summary>
    public DateOnly? FedBackOn { get; init; }
    /// <summary>Rebuilt afterwards from a report (demo data from seed 003), not recorded at the time.</summary>
    public bool Reconstructed { get; init; }
}

public sealed record ParticipationMoment
{
    public required long Id { get; init; }
    public required long ProjectId { get; init; }
    public required long? GroupId { get; init; }
    public required string? GroupName { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required ParticipationLevel Level { get; init; }
    public required string Party { get; init; }
    public required string Asked { get; init; }
    public required string DoneWithIt { get; init; }
    public required DateOnly? FedBackOn { get; init; }
    public required bool Reconstructed { get; init; }

    /// <summary>The loop is closed when the party heard back what was done with its input.</summary>
    public bool LoopClosed => FedBackOn is not null;
}

/// <summary>How many moments reached one rung of the ladder, and for how many the party heard back.</summary>
public sealed record ParticipationLevelCount(ParticipationLevel Level, int Moments, int LoopsClosed);

/// <summary>The small overview per rung of the ladder (all five, in ladder order, zero included).</summary>
public sealed record ParticipationOverview(IReadOnlyList<ParticipationLevelCount> Levels, int Total, ParticipationLevel? Highest)
{
    public static ParticipationOverview Of(IReadOnlyCollection<ParticipationMoment> moments)
    {
        ArgumentNullException.ThrowIfNull(moments);
        var levels = Enum.GetValues<ParticipationLevel>()
            .Select(level => new ParticipationLevelCount(level, moments.Count(m => m.Level == level), moments.Count(m => m.Level == level && m.LoopClosed)))
            .ToList();
        return new ParticipationOverview(levels, moments.Count, moments.Count == 0 ? null : moments.Max(m => m.Level));
    }
}
