namespace Monitor.Core.Projects;

/// <summary>A group as it is created together with its project.</summary>
public sealed record GroupDraft
{
    public required GroupKind Kind { get; init; }
    public required string Name { get; init; }
    public string Purpose { get; init; } = "";
    public string Cadence { get; init; } = "";
    public IReadOnlyList<MemberDraft> Members { get; init; } = [];
    public IReadOnlyList<MeetingDraft> Meetings { get; init; } = [];
}
