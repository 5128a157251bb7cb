using System.Globalization;

namespace Monitor.Load;

/// <summary>
/// The server processes' memory from /proc/&lt;pid&gt;/status: VmRSS sampled during the measurement (its maximum is the
/// run's peak) and VmHWM at the end (the kernel's high-water mark since the process started, warm-up and earlier runs included).
/// </summary>
internal sealed class ServerMemory
{
    private readonly IReadOnlyList<int> _pids;
    private readonly Dictionary<int, long> _peakRssKb = [];

    public ServerMemory(IReadOnlyList<int> pids) => _pids = pids;

    public async Task SampleUntilAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                foreach (var pid in _pids)
                {
                    if (Read(pid, "VmRSS") is { } rss)
                    {
                        _peakRssKb[pid] = Math.Max(rss, _peakRssKb.GetValueOrDefault(pid));
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the run is over
        }
    }

    /// <summary>Per pid: the peak sampled VmRSS and VmHWM in MB; null where the process could not be read.</summary>
    public IReadOnlyList<(int Pid, double? PeakRssMb, double? HighWaterMb)> Result() =>
        [.. _pids.Select(pid => (pid, _peakRssKb.TryGetValue(pid, out var kb) ? kb / 1024.0 : (double?)null, Read(pid, "VmHWM") is { } hwm ? hwm / 1024.0 : (double?)null))];

    private static long? Read(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var number = line[(field.Length + 1)..].Trim().Split(' ')[0];
                    return long.TryParse(number, CultureInfo.InvariantCulture, out var kb) ? kb : null;
                }
            }
        }
        catch (IOException)
        {
            // the process is gone
        }
        catch (UnauthorizedAccessException)
        {
            // another user's process
        }

        return null;
    }
}
