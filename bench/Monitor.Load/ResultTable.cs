using System.Globalization;
using System.Text;

namespace Monitor.Load;

/// <summary>The run as Markdown, ready to paste into docs/benchmarks.md: one row per route, a total row, memory and logins below.</summary>
internal static class ResultTable
{
    public static string Write(RunResult run)
    {
        var options = run.Options;
        var seconds = run.Measured.TotalSeconds;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"#### {options.Users} users, {options.Duration.TotalSeconds:0} s after {options.Warmup.TotalSeconds:0} s warm-up ({run.Date:yyyy-MM-dd})"));
        text.AppendLine();
        text.AppendLine(Invariant($"Nodes: {string.Join(", ", options.Urls)}. Think time 0–1 s. Measured {seconds:F1} s."));
        text.AppendLine();
        text.AppendLine($"Mix (weights): {Workload.Describe()}. Data: {run.Targets}.");
        text.AppendLine();
        text.AppendLine("| route | request | requests | per s | p50 ms | p95 ms | p99 ms | max ms | errors | conflicts |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var ordered = run.Routes.OrderBy(r => Order(r.Name)).ToList();
        foreach (var route in ordered)
        {
            Row(text, route.Name, route.Path, route.Sorted(), route.Errors, route.Conflicts, seconds);
        }

        var all = ordered.SelectMany(r => r.Sorted()).Order().ToArray();
        Row(text, "**all**", "", all, ordered.Sum(r => r.Errors), ordered.Sum(r => r.Conflicts), seconds);
        text.AppendLine();
        if (run.Nodes.Count > 1)
        {
            foreach (var node in run.Nodes)
            {
                var sorted = node.Sorted();
                text.AppendLine(Invariant($"Node {node.Name}: {sorted.Length} requests, p50 {RouteStats.Percentile(sorted, 50):F0} ms, p95 {RouteStats.Percentile(sorted, 95):F0} ms, p99 {RouteStats.Percentile(sorted, 99):F0} ms, {node.Errors} errors, {node.Conflicts} conflicts."));
            }
        }

        foreach (var (pid, peak, highWater) in run.Memory)
        {
            text.AppendLine(Invariant($"Server pid {pid}: peak RSS during the run {Mb(peak)} (VmRSS sampled every 250 ms); VmHWM {Mb(highWater)} (since the process started)."));
        }

        if (run.Logins is { } logins)
        {
            var sorted = logins.Sorted();
            text.AppendLine(Invariant($"Logins (form with anti-forgery token, then /account): {sorted.Length - logins.Errors} ok, {logins.Errors} failed, p50 {RouteStats.Percentile(sorted, 50):F0} ms, p95 {RouteStats.Percentile(sorted, 95):F0} ms; all {options.Users} users' logins (starts spread over 5 s) took {run.LoginTime.TotalSeconds:F1} s, {run.LoggedInAtStart} of {options.Users} were logged in when the measurement began."));
        }

        var samples = ordered.Where(r => r.ErrorSamples.Count > 0).SelectMany(r => r.ErrorSamples).Concat(run.Logins?.ErrorSamples ?? []).ToList();
        if (samples.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Errors seen (first distinct ones per route):");
            text.AppendLine();
            foreach (var sample in samples)
            {
                text.AppendLine($"- `{sample.Replace("`", "'", StringComparison.Ordinal)}`");
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, string path, double[] sorted, int errors, int conflicts, double seconds) =>
        text.AppendLine(Invariant(
            $"| {name} | {(path.Length == 0 ? "" : $"`{path}`")} | {sorted.Length} | {sorted.Length / seconds:F1} | {RouteStats.Percentile(sorted, 50):F0} | {RouteStats.Percentile(sorted, 95):F0} | {RouteStats.Percentile(sorted, 99):F0} | {(sorted.Length == 0 ? 0 : sorted[^1]):F0} | {errors} | {conflicts} |"));

    private static int Order(string route)
    {
        for (var i = 0; i < Workload.Routes.Count; i++)
        {
            if (Workload.Routes[i].Route == route)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string Mb(double? mb) => mb is { } value ? Invariant($"{value:F0} MB") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
