using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Monitor.Web.Tests.Support;

/// <summary>
/// The real web app or the standalone worker as a separate operating-system process, as a person runs them: for
/// what only a second process shows (file locks, kill -9, two processes on one database file).
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private AppProcess(Process process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Append(e.Data);
            if (e.Data is not null)
            {
                lock (_output)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Where the web app listens; null for the worker.</summary>
    public Uri? BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>What the process wrote to stderr only (where a start-up failure's one line goes).</summary>
    public string Errors
    {
        get
        {
            lock (_output)
            {
                return _errors.ToString();
            }
        }
    }

    private static string BinFolder => Path.GetDirectoryName(typeof(Program).Assembly.Location)!;

    /// <summary>
    /// Starts the web app (Monitor.Web.dll) on a free port and waits until /health answers. <paramref name="wrapper"/> is a
    /// command the app's command line is appended to (e.g. unshare, to give the app a small file system of its own).
    /// </summary>
    public static async Task<AppProcess> StartWebAsync(string databasePath, IEnumerable<string>? arguments = null, IReadOnlyList<string>? wrapper = null, bool waitUntilHealthy = true)
    {
        var port = FreePort();
        var args = new List<string>
        {
            Path.Combine(BinFolder, "Monitor.Web.dll"),
            $"--urls=http://127.0.0.1:{port}",
            $"--Monitor:DatabasePath={databasePath}",
            $"--Monitor:Backup:Folder={Path.Combine(Path.GetDirectoryName(databasePath)!, "backups")}",
            "--Security:LoginAttemptsPerMinute=10000",
        };
        args.AddRange(arguments ?? []);
        var app = new AppProcess(Start(args, wrapper), new Uri($"http://127.0.0.1:{port}/"));
        if (waitUntilHealthy)
        {
            await app.WaitUntilAnsweringAsync();
        }

        return app;
    }

    /// <summary>Starts the standalone worker (Monitor.Worker.dll) on the same database file.</summary>
    public static AppProcess StartWorker(string databasePath, IEnumerable<string>? arguments = null)
    {
        // The worker is started from this test's output folder, where the web app's files are: with the web app's
        // runtime and dependency files, because Quartz's health-check dependency comes with the ASP.NET Core shared
        // framework here and is therefore not copied beside it (the worker's own bin folder has it).
        var args = new List<string>
        {
            "exec",
            "--runtimeconfig", Path.Combine(BinFolder, "Monitor.Web.runtimeconfig.json"),
            "--depsfile", Path.Combine(BinFolder, "Monitor.Web.deps.json"),
            Path.Combine(BinFolder, "Monitor.Worker.dll"),
            $"--Monitor:DatabasePath={databasePath}",
            $"--Monitor:Backup:Folder={Path.Combine(Path.GetDirectoryName(databasePath)!, "backups")}",
        };
        args.AddRange(arguments ?? []);
        return new AppProcess(Start(args, wrapper: null), null);
    }

    /// <summary>Runs a command to its end (sqlite3, chattr, ...) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>An HTTP client for the web app (no redirects followed, its own cookies).</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress ?? throw new InvalidOperationException("The worker has no address."),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A client that calls the API with a fresh personal token of <paramref name="email"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        using var browser = CreateClient();
        using (var login = await browser.PostLoginAsync(email, Monitor.Web.Security.DemoAccounts.Password))
        {
            if (login.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Login as {email} failed: {(int)login.StatusCode}");
            }
        }

        using var created = await browser.PostFormAsync("/account", "/account?handler=CreateToken", new Dictionary<string, string> { ["TokenName"] = "tests" });
        var secret = (await Html.ParseAsync(created)).QuerySelector("[data-new-token]")?.TextContent
            ?? throw new InvalidOperationException("No token was shown after creating one.");
        var api = CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return api;
    }

    /// <summary>Waits until the app answers /health (healthy or not), or fails with its output when it exits first.</summary>
    public async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new AssertionException($"The app exited with {_process.ExitCode} before answering:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        throw new AssertionException($"The app did not answer within 90 s:\n{Output}");
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>kill -9: no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>A normal stop (SIGTERM), as systemd or Ctrl+C does; waits until the process has ended.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            await RunAsync("kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(cancel.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private static Process Start(List<string> args, IReadOnlyList<string>? wrapper)
    {
        // with a wrapper the command line is: wrapper..., dotnet, args... (e.g. unshare ... sh -c 'script; exec "$0" "$@"')
        IReadOnlyList<string> command = [.. wrapper ?? [], "dotnet", .. args];
        var start = new ProcessStartInfo(command[0]);
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.WorkingDirectory = BinFolder;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["DOTNET_NOLOGO"] = "1";
        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
