using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Monitor.Core.Reports;

namespace Monitor.Worker.Tests.Commands;

public sealed class ReportCommandTests
{
    [Test]
    public async Task TheReportCommandGeneratesASnapshotOfThePreviousMonthAndRefusesAnUnknownProject()
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-worker-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var database = Path.Combine(folder, "m.db");
            using (var host = WorkerHost.Build([$"--Monitor:DatabasePath={database}"]))
            {
                await host.Services.GetRequiredService<Monitor.Core.DatabasePreparation>().PrepareAsync(includeDemoData: false);
                await host.Services.GetRequiredService<Monitor.Core.Projects.ProjectStore>().CreateAsync(new Monitor.Core.Projects.ProjectDraft
                {
                    Slug = "tiel", Name = "Keuzehulp Tiel", Organisation = "Gemeente Tiel", Innovation = "Keuzehulp", StartDate = new DateOnly(2026, 1, 5), CurrentPhase = 1,
                }, Monitor.Core.Data.Actor.System);
                var output = new StringWriter();
                var error = new StringWriter();

                var ok = await ReportCommand.RunAsync(host.Services, "tiel", "voortgang", output, error);
                var unknown = await ReportCommand.RunAsync(host.Services, "bestaat-niet", "voortgang", output, error);
                var badKind = await ReportCommand.RunAsync(host.Services, "tiel", "jaarverslag", output, error);

                Assert.That((ok, unknown, badKind), Is.EqualTo((0, 2, 2)));
                Assert.That(output.ToString(), Does.Contain("Voortgangsrapportage voor Keuzehulp Tiel"));
                Assert.That(error.ToString(), Does.Contain("bestaat-niet").And.Contain("jaarverslag"));
                var snapshots = await host.Services.GetRequiredService<ReportService>().ListSnapshotsAsync(1);
                Assert.That(snapshots.Single().Parameters, Does.Contain("\"van\":\"").And.Contain("-01\""));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
