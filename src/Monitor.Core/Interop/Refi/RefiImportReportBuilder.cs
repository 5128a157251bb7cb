using System.Globalization;

namespace Monitor.Core.Interop.Refi;

/// <summary>
/// Counts kept and dropped elements per element type: one line per type, reasons joined, each with its count when
/// more than one element had it. The reader fills it; the import continues from the reader's report and moves what
/// it cannot keep from kept to dropped, so kept + dropped stays the number of elements the file holds.
/// </summary>
internal sealed class RefiImportReportBuilder
{
    private readonly List<Tally> _tallies = [];

    public RefiImportReportBuilder(params string[] alwaysReported)
    {
        foreach (var type in alwaysReported)
        {
            TallyFor(type);
        }
    }

    /// <summary>Continues from a finished report (the reader's), keeping its lines and order.</summary>
    public RefiImportReportBuilder(RefiImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var line in report.Lines)
        {
            var tally = TallyFor(line.ElementType);
            tally.Kept = line.Kept;
            tally.Dropped = line.Dropped;
            if (line.Reason is not null)
            {
                tally.Reasons.Add(line.Reason, 0);
            }
        }
    }

    public void Keep(string elementType) => TallyFor(elementType).Kept++;

    public void Drop(string elementType, string reason, int count = 1)
    {
        if (count == 0)
        {
            return;
        }

        var tally = TallyFor(elementType);
        tally.Dropped += count;
        AddReason(tally, reason, count);
    }

    /// <summary>Moves <paramref name="count"/> elements the reader kept to dropped, with the reason.</summary>
    public void Demote(string elementType, string reason, int count = 1)
    {
        if (count == 0)
        {
            return;
        }

        var tally = TallyFor(elementType);
        var moved = Math.Min(count, tally.Kept);
        tally.Kept -= moved;
        tally.Dropped += count;
        AddReason(tally, reason, count);
    }

    /// <summary>A remark on how elements were kept (no counts change).</summary>
    public void Explain(string elementType, string remark) => AddReason(TallyFor(elementType), remark, 0);

    public RefiImportReport Build() =>
        new(_tallies
            .Select(t => new RefiImportLine(t.ElementType, t.Kept, t.Dropped, t.Reasons.Count == 0 ? null : string.Join("; ", t.Reasons.Select(Format))))
            .ToList());

    private static string Format(KeyValuePair<string, int> reason) =>
        reason.Value > 1 ? $"{reason.Key} ({reason.Value.ToString(CultureInfo.InvariantCulture)}×)" : reason.Key;

    private static void AddReason(Tally tally, string reason, int count) =>
        tally.Reasons[reason] = tally.Reasons.GetValueOrDefault(reason) + count;

    private Tally TallyFor(string elementType)
    {
        var tally = _tallies.Find(t => t.ElementType == elementType);
        if (tally is null)
        {
            tally = new Tally(elementType);
            _tallies.Add(tally);
        }

        return tally;
    }

    private sealed class Tally(string elementType)
    {
        public string ElementType { get; } = elementType;

        public int Kept { get; set; }

        public int Dropped { get; set; }

        // insertion order is the order reasons arose; Dictionary keeps it as long as nothing is removed
        public Dictionary<string, int> Reasons { get; } = [];
    }
}
