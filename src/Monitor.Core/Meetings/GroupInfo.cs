using Monitor.Core.Projects;

namespace Monitor.Core.Meetings;

/// <summary>A group with its settings, as the meeting pages need it.</summary>
public sealed record GroupInfo
{
    public required long Id { get; init; }
    public required long ProjectId { get; init; }
    public required GroupKind Kind { get; init; }
    public required string Name { get; init; }
    public required string Purpose { get; init; }
    public required string Cadence { get; init; }

    /// <summary>Days between meetings; null for a group that meets ad hoc.</summary>
    public required int? CadenceDays { get; init; }

    /// <summary>When true, no page, export or API response shows who gave a reflection.</summary>
    public required bool ReflectionsAnonymous { get; init; }
}
