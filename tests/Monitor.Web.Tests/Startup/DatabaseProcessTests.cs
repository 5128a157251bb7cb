using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Startup;

/// <summary>
/// Issue #26: the web app as a real process keeps SQLite's locks on its database file, so a second process (the
/// sqlite3 shell, the standalone worker, a report command) can never delete the WAL under it and lose
/// acknowledged writes.
/// </summary>
[NonParallelizable]
public sealed class DatabaseProcessTests
{
    private string _folder = "";
    private string _database = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "monitor-process-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _database = Path.Combine(_folder, "monitor.db");
    }

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS
        }
    }

    [Test]
    public async Task TheRunningAppHoldsItsSqliteLockOnTheDatabaseFile()
    {
        await using var app = await AppProcess.StartWebAsync(_database);
        using var client = app.CreateClient();
        using (var health = await client.GetAsync("/health"))
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), app.Output);
        }

        var locks = await LocksOnAsync(_database, app.Id);

        Assert.That(locks, Is.Not.Empty, $"no POSIX lock of process {app.Id} on {_database}; /proc/locks:\n{File.ReadAllText("/proc/locks")}");
    }

    [Test]
    public async Task AcknowledgedWritesSurviveASecondReaderAndKillNine()
    {
        var created = new List<string>();
        await using (var app = await AppProcess.StartWebAsync(_database))
        {
            using var api = await app.ApiClientAsync(Login.Admin);

            // what an administrator does beside the running app
            var (exit, output) = await AppProcess.RunAsync("sqlite3", _database, "SELECT count(*) FROM projects;");
            Assert.That(exit, Is.EqualTo(0), output);

            for (var i = 0; i < 20; i++)
            {
                var slug = $"na-lezer-{i}";
                using var response = await api.PostAsJsonAsync("/api/v1/projects", NewProject(slug));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
                created.Add(slug);
            }

            Assert.That(await LocksOnAsync(_database, app.Id), Is.Not.Empty, "the app still holds its lock after the second reader closed");
            await app.KillAsync();
        }

        await using (var restarted = await AppProcess.StartWebAsync(_database))
        {
            using var api = await restarted.ApiClientAsync(Login.Admin);
            var slugs = await SlugsAsync(api);
            await TestContext.Out.WriteLineAsync($"after sqlite3 reader + kill -9 + restart: {created.Count(slugs.Contains)} of {created.Count} acknowledged writes present");
            Assert.That(slugs, Is.SupersetOf(created), "every acknowledged write is there after kill -9 and a restart");
            await restarted.StopAsync();
        }

        Assert.That(await IntegrityCheckAsync(_database), Is.EqualTo("ok"));
    }

    [Test]
    public async Task WebAppAndStandaloneWorkerOnOneFileLoseNoWriteAndRunEachJobOnce()
    {
        // jobs fire every few seconds so that both cluster members compete for them during the run
        string[] jobs = ["--Worker:CheckpointDatabaseCron=0/2 * * * * ?", "--Worker:BackupDatabaseCron=0/5 * * * * ?", "--Worker:ClusterCheckinSeconds=3"];
        var acknowledged = new List<string>();
        var failed = 0;
        var duration = TimeSpan.FromSeconds(20);
        await using (var web = await AppProcess.StartWebAsync(_database, jobs))
        await using (var worker = AppProcess.StartWorker(_database, jobs))
        {
            using var api = await web.ApiClientAsync(Login.Admin);
            var clock = Stopwatch.StartNew();
            var writers = Enumerable.Range(0, 4).Select(async writer =>
            {
                for (var i = 0; clock.Elapsed < duration; i++)
                {
                    var slug = string.Create(CultureInfo.InvariantCulture, $"gelijktijdig-{writer}-{i}");
                    using var response = await api.PostAsJsonAsync("/api/v1/projects", NewProject(slug));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        lock (acknowledged)
                        {
                            acknowledged.Add(slug);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }

                    // a reader in a third process, as a backup tool or an administrator would be
                    if (i % 10 == 0)
                    {
                        await AppProcess.RunAsync("sqlite3", "-readonly", _database, "SELECT count(*) FROM projects;");
                    }
                }
            }).ToList();
            await Task.WhenAll(writers);

            Assert.That(worker.HasExited, Is.False, worker.Output);
            await worker.StopAsync();
            await web.StopAsync();
        }

        var integrity = await IntegrityCheckAsync(_database);
        var stored = await QueryAsync("SELECT slug FROM projects;");
        var jobRuns = await QueryAsync("SELECT job FROM job_runs;");
        await TestContext.Out.WriteLineAsync($"web + worker, {duration.TotalSeconds:0} s, 4 writers: {acknowledged.Count} acknowledged, {acknowledged.Count(stored.Contains)} stored, " +
            $"{failed} refused, {jobRuns.Count} job runs, integrity {integrity}");
        Assert.That(integrity, Is.EqualTo("ok"));
        Assert.That(acknowledged, Has.Count.GreaterThan(20), "the writers got work done");
        Assert.That(stored, Is.SupersetOf(acknowledged), "0 acknowledged writes lost");
        Assert.That(failed, Is.Zero, "no write was refused");

        // each scheduled run happened in one process only: no (job, fire time) twice, whichever process ran it
        var fired = await QueryAsync("SELECT job || '|' || coalesce(scheduled_for, '') || '|' || runner FROM job_runs ORDER BY job, scheduled_for;");
        var slots = fired.Select(r => r.Split('|')).Select(p => (Job: p[0], At: p[1], Runner: p[2])).ToList();
        Assert.That(slots.Count(s => s.Job == "checkpoint-database"), Is.GreaterThanOrEqualTo(5), string.Join('\n', fired));
        Assert.That(slots.All(s => s.At.Length > 0), Is.True, "every run names the fire time it served");
        Assert.That(slots.GroupBy(s => (s.Job, s.At)).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, string.Join('\n', fired));
        Assert.That(Directory.GetFiles(Path.Combine(_folder, "backups")).Where(f => !f.EndsWith(".db", StringComparison.Ordinal)), Is.Empty,
            "backups leave nothing beside them");
    }

    [Test]
    public async Task AFullDiskGetsAClearDutchAnswerAndAnUnhealthyCheckAndWritesResumeWhenSpaceReturns()
    {
        // The app runs in a mount namespace of its own (unshare, no root needed) with its database on a 30 MB tmpfs.
        // A helper in that namespace fills the disk when the test creates 'vul' and empties it on 'leeg'.
        var disk = Path.Combine(_folder, "schijf");
        var control = Path.Combine(_folder, "besturing");
        Directory.CreateDirectory(disk);
        Directory.CreateDirectory(control);
        var database = Path.Combine(disk, "monitor.db");
        var script = $"""
            mount -t tmpfs -o size=30m tmpfs {disk} || exit 97
            (while [ ! -e {control}/vul ]; do sleep 0.1; done
             dd if=/dev/zero of={disk}/vulling bs=64k 2>/dev/null; touch {control}/vol
             while [ ! -e {control}/leeg ]; do sleep 0.1; done
             rm -f {disk}/vulling; touch {control}/vrij) &
            exec "$0" "$@"
            """;
        string[] wrapper = ["unshare", "--map-root-user", "--mount", "sh", "-c", script];
        await using var app = await AppProcess.StartWebAsync(database, wrapper: wrapper, arguments: ["--Worker:RunInWeb=false"]);
        using var api = await app.ApiClientAsync(Login.Admin);
        using var client = app.CreateClient();
        using (var before = await api.PostAsJsonAsync("/api/v1/projects", NewProject("voor-de-volle-schijf")))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Created), app.Output);
        }

        await File.WriteAllTextAsync(Path.Combine(control, "vul"), "");
        await WaitForFileAsync(Path.Combine(control, "vol"));

        using (var full = await api.PostAsJsonAsync("/api/v1/projects", NewProject("op-de-volle-schijf")))
        {
            Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.InsufficientStorage), await full.Content.ReadAsStringAsync());
            Assert.That(full.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            using var problem = JsonDocument.Parse(await full.Content.ReadAsStringAsync());
            Assert.That(problem.RootElement.GetProperty("title").GetString(), Is.EqualTo("De schijf van de server is vol"));
            Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain("niet opgeslagen"));
        }

        using (var health = await client.GetAsync("/health"))
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await health.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
        }

        using (var reading = await api.GetAsync("/api/v1/projects"))
        {
            Assert.That(reading.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reading goes on while the disk is full");
        }

        await File.WriteAllTextAsync(Path.Combine(control, "leeg"), "");
        await WaitForFileAsync(Path.Combine(control, "vrij"));

        using (var after = await api.PostAsJsonAsync("/api/v1/projects", NewProject("na-de-volle-schijf")))
        {
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Created), "writes resume once there is space again");
        }

        using (var health = await client.GetAsync("/health"))
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var slugs = await SlugsAsync(api);
        Assert.That(slugs, Does.Contain("voor-de-volle-schijf").And.Contain("na-de-volle-schijf").And.Not.Contain("op-de-volle-schijf"), "nothing half-saved");
    }

    private static async Task WaitForFileAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), $"{path} did not appear");
            await Task.Delay(100);
        }
    }

    internal static object NewProject(string slug) => new
    {
        slug,
        name = "Project " + slug,
        organisation = "Gemeente Test",
        innovation = "Werkwijze",
        startDate = "2026-01-01",
        currentPhase = 1,
    };

    /// <summary>POSIX locks that process <paramref name="pid"/> holds on <paramref name="path"/>, from /proc/locks.</summary>
    internal static async Task<List<string>> LocksOnAsync(string path, int pid)
    {
        var inode = (await AppProcess.RunAsync("stat", "-c", "%i", path)).Output.Trim();
        return File.ReadAllLines("/proc/locks")
            .Where(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, "POSIX", _, _, var owner, var device, ..] &&
                           owner == pid.ToString(CultureInfo.InvariantCulture) && device.EndsWith(":" + inode, StringComparison.Ordinal))
            .ToList();
    }

    private static async Task<List<string>> SlugsAsync(HttpClient api)
    {
        using var json = JsonDocument.Parse(await api.GetStringAsync("/api/v1/projects"));
        return json.RootElement.EnumerateArray().Select(p => p.GetProperty("slug").GetString()!).ToList();
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    internal static async Task<string> IntegrityCheckAsync(string path)
    {
        var (_, output) = await AppProcess.RunAsync("sqlite3", path, "PRAGMA integrity_check;");
        return output.Trim();
    }
}
