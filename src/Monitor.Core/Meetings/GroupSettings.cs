using Monitor.Core.Projects;

namespace Monitor.Core.Meetings;

/// <summary>A group as it is created or changed.</summary>
public sealed record GroupSettings
{
    public required GroupKind Kind { get; init; }
    public required string Name { get; init; }
    public string Purpose { get; init; } = "";
    public string Cadence { get; init; } = "";
    public int? CadenceDays { get; init; }
    public bool ReflectionsAnonymous { get; init; }
}
