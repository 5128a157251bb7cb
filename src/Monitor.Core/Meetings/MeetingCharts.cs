using System.Globalization;
using Monitor.Core.Charts;

namespace Monitor.Core.Meetings;

/// <summary>The meeting charts of a group as chart specs (Dutch labels), built from its metrics and cadence gaps.</summary>
public static class MeetingCharts
{
    private static readonly CultureInfo _dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Meetings over time: each span between two held meetings as a bar, those longer than the cadence allows marked as a gap.</summary>
    public static TimelineChartSpec Rhythm(string groupName, IReadOnlyList<DateOnly> held, int? cadenceDays, IReadOnlyList<CadenceGap> gaps, DateOnly today)
    {
        var bars = new List<TimelineBar>();
        var sorted = held.Distinct().Order().ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            var isGap = gaps.Any(g => !g.IsOpen && g.From == sorted[i - 1] && g.To == sorted[i]);
            bars.Add(new TimelineBar($"{sorted[i - 1].ToString("d MMM yyyy", _dutch)} – {sorted[i].ToString("d MMM yyyy", _dutch)} ({sorted[i].DayNumber - sorted[i - 1].DayNumber} dagen)",
                sorted[i - 1], sorted[i], isGap ? "gat" : "op-ritme", 0));
        }

        foreach (var open in gaps.Where(g => g.IsOpen))
        {
            bars.Add(new TimelineBar($"Sinds {open.From.ToString("d MMM yyyy", _dutch)} geen bijeenkomst ({open.Days} dagen)", open.From, open.To, "gat", 0));
        }

        var rule = cadenceDays is { } days
            ? $"Ritme: elke {days} dagen; een tussenpoos van meer dan {CadenceCheck.ThresholdDays(days)} dagen telt als gat."
            : "Deze groep komt wisselend bijeen; er wordt geen gat gemarkeerd.";
        return new TimelineChartSpec
        {
            Id = "ritme",
            Title = $"Bijeenkomsten van {groupName} door de tijd",
            Description = $"{sorted.Count} gehouden bijeenkomsten. {rule} {gaps.Count} gat(en).",
            Bars = bars,
            Today = today,
            Categories = new Dictionary<string, CategoryStyle>(StringComparer.Ordinal)
            {
                ["op-ritme"] = new("#5b9bd5", Label: "Op ritme"),
                ["gat"] = new("#9b1c1c", Label: "Gat in het ritme"),
            },
        };
    }

    /// <summary>Per held meeting the number of "wel gewerkt" and "minder gewerkt" answers, stacked.</summary>
    public static StackedBarChartSpec Reflections(GroupMetrics metrics) => new()
    {
        Id = "reflecties",
        Title = "Antwoorden op de slotvraag per bijeenkomst",
        Description = $"Aantal antwoorden 'wel gewerkt' en 'minder gewerkt' per gehouden bijeenkomst; {metrics.LessClosed} van {metrics.LessDue} te volgen 'minder gewerkt'-antwoorden zijn opgevolgd.",
        ValueLabel = "Aantal antwoorden",
        Categories = [.. metrics.Meetings.Select(m => m.HeldOn.ToString("d MMM yy", _dutch))],
        // dark green and light orange: apart in colour and in grey print
        Series =
        [
            new StackedBarSeries("Wel gewerkt", "#2e7d4f", [.. metrics.Meetings.Select(m => (double)m.WellCount)]),
            new StackedBarSeries("Minder gewerkt", "#f4b183", [.. metrics.Meetings.Select(m => (double)m.LessCount)]),
        ],
    };

    /// <summary>Attendance rate per held meeting (0–100%).</summary>
    public static BarChartSpec Attendance(GroupMetrics metrics) => new()
    {
        Id = "opkomst",
        Title = "Opkomst per bijeenkomst",
        Description = "Aandeel van de verwachte leden dat aanwezig was, per gehouden bijeenkomst met geregistreerde aanwezigheid.",
        Orientation = BarOrientation.Horizontal,
        Items = [.. metrics.Meetings.Where(m => m.AttendanceRate is not null).Select(m => new BarChartItem(m.HeldOn.ToString("d MMM yyyy", _dutch), m.AttendanceRate!.Value))],
        Max = 1,
        ValueFormat = "0%",
        ValueLabel = "Aanwezig, als deel van de verwachte leden",
    };
}
