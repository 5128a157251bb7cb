using Monitor.Core.Accounts;
using Monitor.Core.Coding;
using Monitor.Core.Data;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;

namespace Monitor.Bench;

/// <summary>
/// The .qdpx export of a project with 100 held meetings (minutes of about 4 000 characters each) and
/// 3 000 codings (30 per meeting, 10 MIDI codes, two coders), in a real SQLite file. Target: under 2 s and
/// under 300 MB peak on this machine.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync()
    {
        await using var bench = await BenchServices.CreateAsync();
        var projects = bench.Get<ProjectStore>();
        var groups = bench.Get<GroupStore>();
        var meetings = bench.Get<MeetingStore>();
        var accounts = bench.Get<AccountStore>();
        var codebooks = bench.Get<CodebookStore>();
        var documentStore = bench.Get<CodingDocumentStore>();
        var coding = bench.Get<CodingStore>();
        var exchange = bench.Get<ProjectExchange>();

        var projectId = await projects.CreateAsync(new ProjectDraft { Slug = "bench", Name = "Benchmarkproject", Organisation = "Gemeente", Innovation = "Werkwijze", StartDate = new DateOnly(2024, 1, 1), CurrentPhase = 2 }, Actor.System);
        var groupId = (await groups.CreateGroupAsync(projectId, new GroupSettings { Kind = GroupKind.Ontwikkelgroep, Name = "Ontwikkelgroep" }, Actor.System))!.Value;
        var coders = new List<Actor>();
        foreach (var name in new[] { "Onderzoeker 1", "Onderzoeker 2" })
        {
            coders.Add(new Actor(await accounts.CreateAsync(new NewAccount { Email = name.Replace(' ', '.') + "@bench.example", DisplayName = name, PasswordHash = "x" }, Actor.System), name));
        }

        var sentence = "De werkcoaches bespreken de keuzehulp met de cliënt en zien dat de tijd per gesprek 👍 beperkt is. ";
        var minutes = string.Concat(Enumerable.Repeat(sentence, 40));
        for (var m = 0; m < 100; m++)
        {
            var meetingId = (await meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = new DateOnly(2024, 1, 1).AddDays(14 * m), Title = $"Sessie {m + 1}", Status = MeetingStatus.Gehouden }, Actor.System))!.Value;
            await meetings.SaveMinutesAsync(projectId, meetingId, $"Verslag {m + 1}.\n\n" + minutes, Actor.System);
        }

        var codes = new List<long>();
        foreach (var key in Enumerable.Range(1, 10).Select(n => "midi-" + n))
        {
            codes.Add((await codebooks.ListCodebooksAsync(projectId)).SelectMany(b => b.Codes).Single(c => c.Key == key).Id);
        }

        var documents = (await documentStore.ListDocumentsAsync(projectId)).Where(d => d.Kind == DocumentKind.Verslag).ToList();
        foreach (var document in documents)
        {
            for (var i = 0; i < 30; i++)
            {
                var start = 20 + i * 120;
                await coding.AddCodingAsync(projectId, new CodingInput(document.Id, codes[i % codes.Count], start, start + 80, (Valence)(i % 4), i % 5 == 0 ? "memo bij het fragment" : ""), coders[i % 2]);
            }
        }

        Console.WriteLine($"project: {documents.Count} minutes documents, {documents.Sum(d => d.Length)} code points, {await CountAsync(bench.Get<MonitorDatabase>())} codings");
        long size = 0;
        Measurement.Time("qdpx export (100 meetings, 3 000 codings)", 5, () =>
        {
            using var output = new MemoryStream();
            exchange.ExportQdpxAsync(projectId, output).GetAwaiter().GetResult();
            size = output.Length;
        });
        Console.WriteLine($"  .qdpx size {size / 1024.0:F0} KB");
        return 0;
    }

    private static async Task<long> CountAsync(MonitorDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM codings;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
