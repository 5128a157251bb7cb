namespace Monitor.Load;

/// <summary>The latencies and outcomes of one route; thread-safe, every request is kept (a run makes tens of thousands).</summary>
internal sealed class RouteStats
{
    private const int MaxErrorSamples = 5;

    private readonly Lock _lock = new();
    private readonly List<double> _milliseconds = [];
    private readonly List<string> _errorSamples = [];

    public RouteStats(string name, string path)
    {
        Name = name;
        Path = path;
    }

    public string Name { get; }

    public string Path { get; }

    public int Errors { get; private set; }

    public int Conflicts { get; private set; }

    public int Requests
    {
        get
        {
            lock (_lock)
            {
                return _milliseconds.Count;
            }
        }
    }

    public IReadOnlyList<string> ErrorSamples
    {
        get
        {
            lock (_lock)
            {
                return [.. _errorSamples];
            }
        }
    }

    public void Add(double milliseconds, Outcome outcome, string? error)
    {
        lock (_lock)
        {
            _milliseconds.Add(milliseconds);
            if (outcome == Outcome.Conflict)
            {
                Conflicts++;
            }
            else if (outcome == Outcome.Error)
            {
                Errors++;
                if (error is not null && _errorSamples.Count < MaxErrorSamples && !_errorSamples.Contains(error))
                {
                    _errorSamples.Add(error);
                }
            }
        }
    }

    /// <summary>The sorted latencies, for percentiles.</summary>
    public double[] Sorted()
    {
        double[] copy;
        lock (_lock)
        {
            copy = [.. _milliseconds];
        }

        Array.Sort(copy);
        return copy;
    }

    /// <summary>Nearest-rank percentile of sorted values (0 when there are none).</summary>
    public static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
