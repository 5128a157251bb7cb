using System.Collections.Concurrent;

namespace Monitor.Load;

/// <summary>
/// Collects every timed request per route, but only while <see cref="IsMeasuring"/> is on: the warm-up (logins, cold
/// caches, JIT) is driven the same way and left out of the figures.
/// </summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<string, RouteStats> _routes = new();
    private readonly ConcurrentDictionary<Uri, RouteStats> _nodes = new();
    private volatile bool _measuring;

    public Recorder(bool measuring = false) => _measuring = measuring;

    public bool IsMeasuring => _measuring;

    public void Start() => _measuring = true;

    public void Stop() => _measuring = false;

    public void Add(string route, string path, Uri node, double milliseconds, Outcome outcome, string? error)
    {
        if (_measuring)
        {
            _routes.GetOrAdd(route, name => new RouteStats(name, path)).Add(milliseconds, outcome, error);
            _nodes.GetOrAdd(node, url => new RouteStats(url.ToString(), "")).Add(milliseconds, outcome, error);
        }
    }

    public IReadOnlyList<RouteStats> Routes => [.. _routes.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>All requests per node (base address), to see that several nodes share the load.</summary>
    public IReadOnlyList<RouteStats> Nodes => [.. _nodes.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
}
