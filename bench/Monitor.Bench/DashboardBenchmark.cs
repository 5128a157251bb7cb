using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.Portfolio;
using Monitor.Core;

namespace Monitor.Bench;

/// <summary>
/// The portfolio dashboard over 200 projects (`dashboard`) or 2 000 (`portfolio2000`), each with 1 group, 100 held meetings (one minutes document each),
/// 50 plan activities, 200 action items and 3 000 codings on MIDI codes, in a real SQLite file built with plain
/// inserts in one transaction. Target: <see cref="PortfolioService.ListAsync"/> under 300 ms (#20: also at 2 000).
/// </summary>
internal static class DashboardBenchmark
{
    private const int MeetingsPerProject = 100;
    private const int ActivitiesPerProject = 50;
    private const int CodingsPerMeeting = 30;

    private static readonly DateOnly _today = new(2026, 11, 22);

    public static async Task<int> RunAsync(int projects)
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var database = new MonitorDatabase(Options.Create(new MonitorOptions { DatabasePath = Path.Combine(folder, "bench.db") }));
            await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
            var started = System.Diagnostics.Stopwatch.StartNew();
            await FillAsync(database, projects);
            Console.WriteLine($"data: {projects} projects × ({MeetingsPerProject} meetings, {ActivitiesPerProject} activities, {MeetingsPerProject * CodingsPerMeeting} codings), built in {started.Elapsed.TotalSeconds:F1} s");

            var service = new PortfolioService(database, new StoppedClock(_today));
            IReadOnlyList<PortfolioRow> rows = [];
            // today's dashboard as it is read all day: every project's figures stored (#20)
            Measurement.Time($"portfolio dashboard ({projects} projects), stored figures", 5, () => rows = service.ListAsync(null, _today).GetAwaiter().GetResult());
            Console.WriteLine($"  rows {rows.Count}, open barriers in total {rows.Sum(r => r.OpenBarriers)}, overdue activities {rows.Sum(r => r.OverdueActivities)}, open action items {rows.Sum(r => r.OpenActionItems)}");
            // after a write: one project's figures dropped (a coding, an action item, ...) and computed again
            var changed = 0;
            Measurement.Time($"portfolio dashboard ({projects} projects), one project changed", 5, () =>
            {
                DropFiguresAsync(database, (changed++ % projects) + 1).GetAwaiter().GetResult();
                rows = service.ListAsync(null, _today).GetAwaiter().GetResult();
            });
            // the first view of a day: every row computed with the live queries and stored
            Measurement.Time($"portfolio dashboard ({projects} projects), first view of the day", 5, () =>
            {
                DropFiguresAsync(database, null).GetAwaiter().GetResult();
                rows = service.ListAsync(null, _today).GetAwaiter().GetResult();
            });
            // another reference date (peildatum): the live queries only
            Measurement.Time($"portfolio dashboard ({projects} projects), live queries (peildatum)", 5, () => rows = service.ListLiveAsync(null, _today).GetAwaiter().GetResult());
            Console.WriteLine($"  rows {rows.Count}, open barriers in total {rows.Sum(r => r.OpenBarriers)}, overdue activities {rows.Sum(r => r.OverdueActivities)}, open action items {rows.Sum(r => r.OpenActionItems)}");
            var stored = await service.ListAsync(null, _today);
            Console.WriteLine($"  stored rows identical to the live rows: {stored.SequenceEqual(rows)}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task FillAsync(MonitorDatabase database, int projects)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var midiCodes = new List<long>();
        await using (var codes = Prepare(connection, transaction, "SELECT id FROM codes WHERE key GLOB 'midi-[0-9]*' ORDER BY id;"))
        await using (var reader = await codes.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                midiCodes.Add(reader.GetInt64(0));
            }
        }

        const string now = "2026-11-22T08:00:00+00:00";
        var text = string.Concat(Enumerable.Repeat("De werkcoaches bespreken de keuzehulp met de cliënt en zien dat de tijd beperkt is. ", 40));
        string[] valences = ["bevorderend", "belemmerend", "belemmerend", "gemengd", "neutraal", "bevorderend"];
        string[] statuses = ["gereed", "gereed", "bezig", "gepland", "vervallen"];

        await using var project = Prepare(connection, transaction, "INSERT INTO projects (id, slug, name, organisation, innovation, start_date, current_phase, created_at) VALUES (@id, @slug, @name, @org, 'Werkwijze', '2022-01-01', @phase, @now);", "@id", "@slug", "@name", "@org", "@phase", "@now");
        await using var group = Prepare(connection, transaction, "INSERT INTO project_groups (id, project_id, kind, name) VALUES (@id, @project, 'ontwikkelgroep', 'Ontwikkelgroep');", "@id", "@project");
        await using var meeting = Prepare(connection, transaction, "INSERT INTO meetings (id, group_id, held_on, title, status, minutes) VALUES (@id, @group, @held, @title, 'gehouden', @minutes);", "@id", "@group", "@held", "@title", "@minutes");
        await using var action = Prepare(connection, transaction, "INSERT INTO action_items (group_id, meeting_id, description, status, created_at) VALUES (@group, @meeting, 'Actie', @status, @now);", "@group", "@meeting", "@status", "@now");
        await using var document = Prepare(connection, transaction, "INSERT INTO coding_documents (id, project_id, kind, meeting_id, title, guid, created_at, created_by) VALUES (@id, @project, 'verslag', @meeting, @title, @guid, @now, 'bench');", "@id", "@project", "@meeting", "@title", "@guid", "@now");
        await using var version = Prepare(connection, transaction, "INSERT INTO document_versions (id, document_id, number, text, length, created_at, created_by) VALUES (@id, @document, 1, @text, @length, @now, 'bench');", "@id", "@document", "@text", "@length", "@now");
        await using var coding = Prepare(connection, transaction, "INSERT INTO codings (project_id, version_id, code_id, start_pos, end_pos, valence, guid, created_at) VALUES (@project, @version, @code, @start, @end, @valence, @guid, @now);", "@project", "@version", "@code", "@start", "@end", "@valence", "@guid", "@now");
        await using var activity = Prepare(connection, transaction, "INSERT INTO plan_activities (project_id, phase, title, target_group, planned_month, status, started_on, completed_on, updated_at) VALUES (@project, @phase, 'Activiteit', 'professionals', @month, @status, @started, @completed, @now);", "@project", "@phase", "@month", "@status", "@started", "@completed", "@now");

        long meetingId = 0;
        for (var p = 1; p <= projects; p++)
        {
            await RunAsync(project, p, $"project-{p}", $"Project {p:000}", $"Gemeente {p % 37}", p % 6, now);
            await RunAsync(group, p, p);
            for (var m = 0; m < MeetingsPerProject; m++)
            {
                meetingId++;
                // every 14 days, the last one a few days before today (shifted per project)
                var held = _today.AddDays(-(p % 10) - 14 * (MeetingsPerProject - 1 - m));
                await RunAsync(meeting, meetingId, p, held.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"Sessie {m + 1}", text);
                await RunAsync(action, p, meetingId, m % 5 == 0 ? "open" : "gedaan", now);
                await RunAsync(action, p, meetingId, "gedaan", now);
                await RunAsync(document, meetingId, p, meetingId, $"Verslag {m + 1}", Guid.NewGuid().ToString(), now);
                await RunAsync(version, meetingId, meetingId, text, text.Length, now);
                for (var c = 0; c < CodingsPerMeeting; c++)
                {
                    var start = c * 100;
                    await RunAsync(coding, p, meetingId, midiCodes[(c + m + p) % midiCodes.Count], start, start + 80, valences[(c * 7 + m + p) % valences.Length], Guid.NewGuid().ToString(), now);
                }
            }

            for (var a = 0; a < ActivitiesPerProject; a++)
            {
                var status = statuses[(a + p) % statuses.Length];
                var month = _today.AddMonths(a - 30);
                object started = status is "bezig" or "gereed" ? month.ToString("yyyy-MM-01", CultureInfo.InvariantCulture) : DBNull.Value;
                object completed = status is "gereed" ? month.ToString("yyyy-MM-28", CultureInfo.InvariantCulture) : DBNull.Value;
                await RunAsync(activity, p, a % 6, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), status, started, completed, now);
            }
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "PRAGMA optimize;";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task DropFiguresAsync(MonitorDatabase database, long? projectId)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync(null, "DELETE FROM project_figures WHERE @id IS NULL OR project_id = @id;", CancellationToken.None, ("@id", projectId));
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static async Task RunAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The benchmark's clock: its today is the dataset's today, so the dashboard reads the stored figures.</summary>
internal sealed class StoppedClock(DateOnly today) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
