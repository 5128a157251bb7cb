namespace Monitor.Core.Frameworks;

/// <summary>One of the four MIDI groups (innovation, user, organisation, socio-political context) with its determinants.</summary>
public sealed record MidiGroup
{
    public required string Code { get; init; }
    public required int Position { get; init; }
    public required string NameNl { get; init; }
    public required string NameEn { get; init; }
    public required IReadOnlyList<MidiDeterminant> Determinants { get; init; }

    public string Name(string language) => language == "en" ? NameEn : NameNl;
}
