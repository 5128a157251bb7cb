namespace Monitor.Core.Interop.Refi;

/// <summary>Counts kept and dropped elements per element type; one line per type, reasons joined.</summary>
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

    public void Keep(string elementType) => TallyFor(elementType).Kept++;

    public void Drop(string elementType, string reason, int count = 1)
    {
        if (count == 0)
        {
            return;
        }

        var tally = TallyFor(elementType);
        tally.Dropped += count;
        if (!tally.Reasons.Contains(reason))
        {
            tally.Reasons.Add(reason);
        }
    }

    public RefiImportReport Build() =>
        new(_tallies
            .Select(t => new RefiImportLine(t.ElementType, t.Kept, t.Dropped, t.Reasons.Count == 0 ? null : string.Join("; ", t.Reasons)))
            .ToList());

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

        public List<string> Reasons { get; } = [];
    }
}
