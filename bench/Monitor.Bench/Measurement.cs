using System.Diagnostics;

namespace Monitor.Bench;

/// <summary>Times an action: one warm-up run, then a number of timed runs; reports median/max and memory.</summary>
internal static class Measurement
{
    public static void Time(string name, int runs, Action action)
    {
        action();

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var timings = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            timings[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Array.Sort(timings);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{name}: {runs} runs after 1 warm-up");
        Console.WriteLine($"  median {timings[runs / 2]:F1} ms, max {timings[^1]:F1} ms, min {timings[0]:F1} ms");
        Console.WriteLine($"  allocated {allocated / runs / 1024.0 / 1024.0:F1} MB per run (GC total allocated over timed runs / {runs})");
        Console.WriteLine($"  working set {Environment.WorkingSet / 1024.0 / 1024.0:F1} MB, peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:F1} MB");
        Console.WriteLine($"  processors {Environment.ProcessorCount}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
    }
}
