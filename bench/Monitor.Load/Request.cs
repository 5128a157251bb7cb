namespace Monitor.Load;

/// <summary>One request of the mix: the route name it is counted under, its path pattern for the table, and what to send.</summary>
internal sealed record Request
{
    public required string Route { get; init; }

    public required string Pattern { get; init; }

    public HttpMethod Method { get; init; } = HttpMethod.Get;

    public required string Path { get; init; }

    public HttpContent? Content { get; init; }

    /// <summary>A personal API token: sent as "Authorization: Bearer" without the login cookie.</summary>
    public string? Bearer { get; init; }

    /// <summary>Whether a refused write is a conflict (expected under load) rather than an error; 409 always is.</summary>
    public Func<int, string, bool>? IsConflict { get; init; }
}
