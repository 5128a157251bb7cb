namespace Monitor.Core.Charts;

/// <summary>
/// One row of a diverging bar chart, such as a determinant: its label, the group it is listed under (a MIDI
/// group), and two counts (not negative): <paramref name="Left"/> drawn to the left of the zero axis
/// (barriers, "belemmerend") and <paramref name="Right"/> to the right (facilitators, "bevorderend").
/// </summary>
public sealed record DivergingBarItem(string Label, string Group, int Left, int Right);
