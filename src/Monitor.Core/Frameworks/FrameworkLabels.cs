using System.Globalization;

namespace Monitor.Core.Frameworks;

/// <summary>The names of the MIDI determinants and Bowen areas by number, for pages that store only the numbers (findings).</summary>
public sealed class FrameworkLabels
{
    private readonly Dictionary<int, MidiDeterminant> _determinants;
    private readonly Dictionary<int, BowenArea> _areas;

    public FrameworkLabels(IEnumerable<MidiGroup> midi, IEnumerable<BowenArea> bowen)
    {
        _determinants = midi.SelectMany(g => g.Determinants).ToDictionary(d => d.Number);
        _areas = bowen.ToDictionary(a => a.Number);
    }

    /// <summary>"Complexiteit" for 3; the number itself when there is no such determinant.</summary>
    public string Determinant(int number, string language) =>
        _determinants.TryGetValue(number, out var determinant) ? determinant.Name(language) : number.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Aanvaardbaarheid" for 1; the number itself when there is no such area.</summary>
    public string BowenArea(int number, string language) =>
        _areas.TryGetValue(number, out var area) ? area.Name(language) : number.ToString(CultureInfo.InvariantCulture);
}
