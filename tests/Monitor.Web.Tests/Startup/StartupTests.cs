using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Startup;

public sealed class StartupTests
{
    [Test]
    public void RefusesToStartOnAFileThatIsNotADatabaseAndLeavesItAlone()
    {
        using var factory = new MonitorWebFactory();
        var content = "geen database"u8.ToArray();
        File.WriteAllBytes(factory.DatabasePath, content);

        // In-process the host's failure surfaces through WebApplicationFactory's own plumbing; the message
        // a person sees is checked on the real process in ExitsWithAClearMessageOnACorruptDatabase.
        Assert.Catch(() => factory.CreateClient());

        Assert.That(File.ReadAllBytes(factory.DatabasePath), Is.EqualTo(content));
    }

    [Test]
    public async Task LoadsTheDemoDataOnceAcrossRestarts()
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-web-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "shared.db");
        try
        {
            int firstCount;
            using (var first = new MonitorWebFactory(databasePath: path))
            {
                firstCount = await CountMeetingsAsync(await first.LoggedInClientAsync(Login.Admin));
            }

            using var second = new MonitorWebFactory(databasePath: path);
            var secondCount = await CountMeetingsAsync(await second.LoggedInClientAsync(Login.Admin));

            Assert.That(firstCount, Is.GreaterThan(100));
            Assert.That(secondCount, Is.EqualTo(firstCount));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task ResetDemoSwitchReloadsTheDemoProjects()
    {
        using var factory = new MonitorWebFactory(settings: new Dictionary<string, string?> { ["Monitor:ResetDemoData"] = "true" });

        using var client = await factory.LoggedInClientAsync(Login.Admin);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/projects"));

        Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task StartsWithoutDemoDataWhenTurnedOff()
    {
        using var factory = new MonitorWebFactory(settings: new Dictionary<string, string?> { ["Monitor:LoadDemoData"] = "false" });

        using var client = factory.CreateClient();
        using var projects = await client.GetAsync("/api/v1/projects");
        var setup = await client.GetDocumentAsync("/setup");

        Assert.That(projects.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Unauthorized), "no accounts, so nobody is logged in");
        Assert.That(setup.QuerySelector("h1")!.TextContent, Is.EqualTo("Eerste beheerder aanmaken"), "without demo data the first beheerder is created through /setup");
    }

    [Test]
    public async Task RunsTheWorkersJobsInsideTheWebAppByDefault()
    {
        using var factory = new MonitorWebFactory();
        using var client = factory.CreateClient();

        var scheduler = factory.Services.GetRequiredService<Monitor.Worker.Scheduling.ClusterScheduler>();
        var jobs = await Quartz.SchedulerQueryExtensions.GetJobKeys(scheduler.Scheduler!, Quartz.GroupMatcher<Quartz.JobKey>.AnyGroup());

        Assert.That(scheduler.IsRunning, Is.True, "the web app is a member of the scheduler cluster");
        Assert.That(jobs.Select(j => j.Name), Is.EquivalentTo(new[] { "checkpoint-database", "backup-database", "notify-overdue-activities", "progress-report", "meeting-reminders", "survey-round-reminders", "send-notification-mail", "refresh-portfolio-figures" }));
    }

    [Test]
    public void RunsNoJobsWhenTheWorkerRunsSeparately()
    {
        using var factory = new MonitorWebFactory(settings: new Dictionary<string, string?> { ["Worker:RunInWeb"] = "false" });
        using var client = factory.CreateClient();

        var scheduler = factory.Services.GetRequiredService<Monitor.Worker.Scheduling.ClusterScheduler>();
        Assert.That(scheduler.Scheduler, Is.Null, "never started");
        Assert.That(scheduler.IsRunning, Is.False);
    }

    [Test]
    public async Task ExitsWithAClearMessageOnABadCronSetting()
    {
        using var factory = new MonitorWebFactory();

        var (exitCode, stderr) = await RunAppAsync("--urls=http://127.0.0.1:0", $"--Monitor:DatabasePath={factory.DatabasePath}", "--Worker:BackupDatabaseCron=elke nacht");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("Worker:BackupDatabaseCron").And.Contain("cronexpressie"));
    }

    [Test]
    public async Task ExitsWithAClearMessageWhenThePortIsInUse()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        using var factory = new MonitorWebFactory();

        var (exitCode, stderr) = await RunAppAsync($"--urls=http://127.0.0.1:{port}", $"--Monitor:DatabasePath={factory.DatabasePath}");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain($"127.0.0.1:{port}").And.Contain("al in gebruik"));
    }

    [Test]
    public async Task ExitsWithAClearMessageOnACorruptDatabase()
    {
        using var factory = new MonitorWebFactory();
        await File.WriteAllTextAsync(factory.DatabasePath, "kapot");

        var (exitCode, stderr) = await RunAppAsync("--urls=http://127.0.0.1:0", $"--Monitor:DatabasePath={factory.DatabasePath}");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain(factory.DatabasePath).And.Contain("geen SQLite-database"));
        Assert.That(await File.ReadAllTextAsync(factory.DatabasePath), Is.EqualTo("kapot"));
    }

    [Test]
    [Description("issue #26: a read-only or immutable database file is one Dutch line and exit code 2, not a stack trace")]
    public async Task ExitsWithOneDutchLineOnAReadOnlyDatabaseFile()
    {
        var path = CreateEmptyDatabase();
        // root may write any file, so an immutable file stands in for read-only rights there
        var asRoot = Environment.UserName == "root";
        var (locked, output) = asRoot ? await AppProcess.RunAsync("chattr", "+i", path) : await AppProcess.RunAsync("chmod", "444", path);
        Assert.That(locked, Is.Zero, output);
        try
        {
            var (exitCode, stderr) = await RunAppAsync("--urls=http://127.0.0.1:0", $"--Monitor:DatabasePath={path}");

            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain(path).And.Contain("alleen-lezen"));
            Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        }
        finally
        {
            await (asRoot ? AppProcess.RunAsync("chattr", "-i", path) : AppProcess.RunAsync("chmod", "644", path));
        }
    }

    [Test]
    [Description("issue #26: a database on a read-only mount is one Dutch line and exit code 2")]
    public async Task ExitsWithOneDutchLineOnAReadOnlyMount()
    {
        var source = CreateEmptyDatabase();
        var mount = Path.Combine(Path.GetTempPath(), "monitor-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mount);
        var script = $"""
            mount -t tmpfs tmpfs {mount} && cp {source} {mount}/monitor.db && mount -o remount,ro {mount} || exit 97
            exec "$0" "$@"
            """;
        await using var app = await AppProcess.StartWebAsync(Path.Combine(mount, "monitor.db"), wrapper: ["unshare", "--map-root-user", "--mount", "sh", "-c", script], waitUntilHealthy: false);

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exitCode, Is.EqualTo(2), app.Output);
        Assert.That(app.Errors, Does.Contain("kan niet worden geopend").And.Contain("alleen-lezen schijf"));
        Assert.That(app.Errors.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
        Directory.Delete(mount);
    }

    [Test]
    [Description("issue #26: an unwritable backup folder is reported at start, not at the first nightly backup")]
    public async Task ExitsWithOneDutchLineWhenTheBackupFolderCannotBeWritten()
    {
        using var factory = new MonitorWebFactory();
        var blocker = Path.Combine(factory.Folder, "geen-map");
        await File.WriteAllTextAsync(blocker, "een bestand waar de back-upmap zou moeten staan");

        var (exitCode, stderr) = await RunAppAsync("--urls=http://127.0.0.1:0", $"--Monitor:DatabasePath={factory.DatabasePath}", $"--Monitor:Backup:Folder={Path.Combine(blocker, "backups")}");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("back-upmap").And.Contain("Monitor:Backup:Folder"));
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");
    }

    /// <summary>A migrated database without demo data in a temp folder of its own (left for the OS to clean).</summary>
    private static string CreateEmptyDatabase()
    {
        var path = Path.Combine(Path.GetTempPath(), "monitor-web-tests", Guid.NewGuid().ToString("N"), "monitor.db");
        using (var factory = new MonitorWebFactory(databasePath: path, settings: new Dictionary<string, string?> { ["Monitor:LoadDemoData"] = "false" }))
        {
            factory.CreateClient().Dispose();
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    private static async Task<int> CountMeetingsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/projects"));
        return json.RootElement.EnumerateArray().Sum(p => p.GetProperty("meetingCount").GetInt32());
    }

    // The real app as a separate process: what a person sees when they run it.
    private static async Task<(int ExitCode, string Stderr)> RunAppAsync(params string[] args)
    {
        var assembly = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException("The app did not exit within 60 s; output: " + await stdout);
        }

        return (process.ExitCode, await stderr);
    }
}
