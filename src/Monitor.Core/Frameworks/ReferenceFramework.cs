namespace Monitor.Core.Frameworks;

/// <summary>A reference framework (Movisie, MIDI, Bowen) with the version its rows belong to.</summary>
public sealed record ReferenceFramework
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public required string Version { get; init; }
    public required string Citation { get; init; }
    public required string Note { get; init; }
}
