using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Coding;
using Monitor.Core.Data;
using Monitor.Core.Findings;
using Monitor.Core.Frameworks;
using Monitor.Core.Meetings;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Core.Reports;
using Monitor.Core;

namespace Monitor.Bench;

/// <summary>
/// Both reports (progress report and process evaluation, built-in templates, Markdown + HTML with inline SVG
/// charts, stored as snapshots) for a project with 100 held meetings, 3 000 codings, 50 plan activities and 50
/// findings with 3 pieces of evidence each, in a real SQLite file. Target: each report under 1 second.
/// </summary>
internal static class ReportsBenchmark
{
    public static async Task<int> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var time = TimeProvider.System;
            var database = new MonitorDatabase(Options.Create(new MonitorOptions { DatabasePath = Path.Combine(folder, "bench.db") }));
            await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
            var audit = new AuditStore(database, time);
            var projects = new ProjectStore(database, audit, time);
            var meetings = new MeetingStore(database, audit, time);
            var accounts = new AccountStore(database, audit, time);
            var plans = new PlanStore(database, audit, time);
            var coding = new CodingStore(database, audit, time);
            var findings = new FindingStore(database, audit, time);
            var reports = new ReportService(database, new ReportDataBuilder(projects, plans, new FrameworkStore(database), meetings, coding, findings, new Monitor.Core.Charts.SvgChartRenderer()), projects, audit, time);

            var projectId = await projects.CreateAsync(new ProjectDraft { Slug = "bench", Name = "Benchmarkproject", Organisation = "Gemeente", Innovation = "Werkwijze", StartDate = new DateOnly(2022, 1, 1), CurrentPhase = 2 }, Actor.System);
            var groupId = (await meetings.CreateGroupAsync(projectId, new GroupSettings { Kind = GroupKind.Ontwikkelgroep, Name = "Ontwikkelgroep", CadenceDays = 14 }, Actor.System))!.Value;
            var coder = new Actor(await accounts.CreateAsync(new NewAccount { Email = "o@bench.example", DisplayName = "Onderzoeker 1", PasswordHash = "x" }, Actor.System), "Onderzoeker 1");
            var sentence = "De werkcoaches bespreken de keuzehulp met de cliënt en zien dat de tijd per gesprek beperkt is. ";
            for (var m = 0; m < 100; m++)
            {
                var meetingId = (await meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = new DateOnly(2022, 1, 3).AddDays(14 * m), Title = $"Sessie {m + 1}", Status = MeetingStatus.Gehouden }, Actor.System))!.Value;
                await meetings.SaveMinutesAsync(projectId, meetingId, $"Verslag {m + 1}.\n\n" + string.Concat(Enumerable.Repeat(sentence, 40)), Actor.System);
            }

            for (var a = 0; a < 50; a++)
            {
                var start = new DateOnly(2022, 1, 1).AddDays(20 * a);
                await plans.CreateActivityAsync(projectId, new PlanActivityDraft { Phase = a % 6, Title = $"Activiteit {a + 1}", Owner = "Kernteam", PlannedMonth = new YearMonth(start.Year, start.Month), StartedOn = start, Status = a % 3 == 0 ? ActivityStatus.Gereed : ActivityStatus.Bezig, CompletedOn = a % 3 == 0 ? start.AddDays(30) : null }, Actor.System);
            }

            var codes = (await coding.ListCodebooksAsync(projectId)).Single(b => b.Framework == "midi").Codes.Where(c => c.IsCodable).Select(c => c.Id).ToList();
            var codingIds = new List<long>();
            foreach (var document in (await coding.ListDocumentsAsync(projectId)).Where(d => d.Kind == DocumentKind.Verslag))
            {
                for (var i = 0; i < 30; i++)
                {
                    codingIds.Add((await coding.AddCodingAsync(projectId, new CodingInput(document.Id, codes[(i * 7 + (int)document.Id) % codes.Count], 20 + i * 120, 100 + i * 120, i % 3 == 0 ? Valence.Belemmerend : Valence.Bevorderend), coder))!.Value);
                }
            }

            for (var f = 0; f < 50; f++)
            {
                await findings.CreateAsync(projectId, new FindingDraft { Kind = (FindingKind)(f % 3), Heading = $"Thema {f % 4 + 1}", Title = $"Bevinding {f + 1}", Explanation = string.Concat(Enumerable.Repeat("Toelichting bij de bevinding. ", 6)), Determinants = [f % 29 + 1] },
                    [.. codingIds.Skip(f * 60).Take(3).Select(id => (EvidenceKind.Codering, id))], coder);
            }

            Console.WriteLine($"project: 100 meetings, {codingIds.Count} codings, 50 activities, 50 findings");
            var today = new DateOnly(2026, 11, 30);
            foreach (var kind in new[] { ReportKind.Voortgang, ReportKind.Procesevaluatie })
            {
                long size = 0;
                Measurement.Time($"{ReportService.Title(kind)} (generate, render Markdown + HTML, store)", 5, () =>
                {
                    var snapshot = reports.GenerateAsync(projectId, kind, null, new ReportParameters(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), today), coder).GetAwaiter().GetResult();
                    size = snapshot!.Html.Length;
                });
                Console.WriteLine($"  HTML {size / 1024.0:F0} KB");
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
