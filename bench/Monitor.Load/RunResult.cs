namespace Monitor.Load;

/// <summary>What one run measured, for the table.</summary>
internal sealed record RunResult
{
    public required LoadOptions Options { get; init; }

    public required TimeSpan Measured { get; init; }

    public required IReadOnlyList<RouteStats> Routes { get; init; }

    public required IReadOnlyList<RouteStats> Nodes { get; init; }

    public required RouteStats? Logins { get; init; }

    public required int LoggedInAtStart { get; init; }

    /// <summary>From the first user's start until all were signed in (or the login time-out).</summary>
    public required TimeSpan LoginTime { get; init; }

    public required IReadOnlyList<(int Pid, double? PeakRssMb, double? HighWaterMb)> Memory { get; init; }

    public required string Targets { get; init; }

    public required DateOnly Date { get; init; }
}
