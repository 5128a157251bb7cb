using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Projects;
using Monitor.Core.Reports;
using Monitor.Core;

namespace Monitor.Worker;

/// <summary>
/// "rapport &lt;project-slug&gt; voortgang|procesevaluatie": generates a report snapshot from the command line, the
/// way the scheduled monthly job does (progress report over the previous calendar month, built-in template).
/// </summary>
internal static class ReportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string slug, string kind, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (!ReportService.TryParseKind(kind, out var reportKind))
        {
            await error.WriteLineAsync($"Onbekende rapportsoort '{kind}': kies voortgang of procesevaluatie.");
            return 2;
        }

        await services.GetRequiredService<DatabasePreparation>().PrepareAsync(includeDemoData: false, cancellationToken);
        var project = (await services.GetRequiredService<ProjectStore>().ListAsync(cancellationToken)).FirstOrDefault(p => p.Slug == slug);
        if (project is null)
        {
            await error.WriteLineAsync($"Er is geen project '{slug}'.");
            return 2;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var today = DutchClock.Today(time);
        var snapshot = await services.GetRequiredService<ReportService>().GenerateAsync(project.Id, reportKind, null, ReportService.PreviousMonth(today), new Actor(null, "Worker"), cancellationToken);
        await output.WriteLineAsync($"Rapport {snapshot!.Info.Id} gemaakt: {ReportService.Title(reportKind)} voor {project.Name}, sha256 {snapshot.Info.Sha256}.");
        return 0;
    }
}
