using System.Diagnostics;

namespace Monitor.Load;

/// <summary>
/// One run: two setup sessions discover the ids and make an API token per role, then the virtual users log in
/// (their starts spread over 5 s) and each loops over the mix once signed in. When all are signed in (or the login
/// time-out has passed) the warm-up starts, then the measurement window, the only part that is counted: a login costs
/// a PBKDF2 hash, so a few hundred of them take seconds of CPU that would otherwise be mixed into the page figures.
/// Users alternate between the roles, researchers between the researcher accounts, and all of them round-robin over the nodes.
/// </summary>
internal static class LoadRun
{
    private static readonly TimeSpan _ramp = TimeSpan.FromSeconds(5);

    public static async Task<RunResult> RunAsync(LoadOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var setup = new Recorder(measuring: true);
        using var leader = new VirtualUser(options.Urls[0], options.LeaderEmail, Role.Projectleider);
        using var researcher = new VirtualUser(options.Urls[0], options.ResearcherEmails[0], Role.Onderzoeker);
        await leader.LoginAsync(options.Password, setup, cancellationToken);
        await researcher.LoginAsync(options.Password, setup, cancellationToken);
        var targets = await Targets.DiscoverAsync(leader, researcher, cancellationToken);
        var tokens = new ApiTokens(await leader.CreateApiTokenAsync("belastingtest", cancellationToken), await researcher.CreateApiTokenAsync("belastingtest", cancellationToken));
        await log.WriteLineAsync($"data: {targets}");
        await log.WriteLineAsync($"{options.Users} users on {string.Join(", ", options.Urls)}: warm-up {options.Warmup.TotalSeconds:0} s, then {options.Duration.TotalSeconds:0} s measured");

        var recorder = new Recorder();
        var logins = new Recorder(measuring: true);
        var memory = new ServerMemory(options.Pids);
        var loggedIn = new LoginCount(options.Users);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var users = Enumerable.Range(0, options.Users)
            .Select(i => RunUserAsync(options, i, targets, tokens, recorder, logins, loggedIn, stop.Token))
            .ToList();

        var loginPhase = Stopwatch.StartNew();
        await Task.WhenAny(loggedIn.All, Task.Delay(options.LoginTimeout, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        var loginTime = loginPhase.Elapsed;
        await log.WriteLineAsync($"{loggedIn.Count} of {options.Users} users logged in after {loginTime.TotalSeconds:F1} s; warm-up");
        await Task.Delay(options.Warmup, cancellationToken);
        var loggedInAtStart = loggedIn.Count;
        using var memoryStop = new CancellationTokenSource();
        var sampling = memory.SampleUntilAsync(memoryStop.Token);
        var measuring = Stopwatch.StartNew();
        recorder.Start();
        await Task.Delay(options.Duration, cancellationToken);
        recorder.Stop();
        var measured = measuring.Elapsed;
        await memoryStop.CancelAsync();
        await stop.CancelAsync();
        await Task.WhenAll(users);
        await sampling;

        return new RunResult
        {
            Options = options,
            Measured = measured,
            Routes = recorder.Routes,
            Nodes = recorder.Nodes,
            Logins = logins.Routes is [var first, ..] ? first : null,
            LoggedInAtStart = loggedInAtStart,
            LoginTime = loginTime,
            Memory = memory.Result(),
            Targets = targets.ToString(),
            Date = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date),
        };
    }

    private static async Task RunUserAsync(LoadOptions options, int index, Targets targets, ApiTokens tokens, Recorder recorder, Recorder logins, LoginCount loggedIn, CancellationToken stop)
    {
        var role = index % 2 == 0 ? Role.Projectleider : Role.Onderzoeker;
        var email = role == Role.Projectleider ? options.LeaderEmail : options.ResearcherEmails[index / 2 % options.ResearcherEmails.Count];
        using var user = new VirtualUser(options.Urls[index % options.Urls.Count], email, role);
        var random = new Random(20_200 + index);
        try
        {
            await Task.Delay(_ramp * index / options.Users, stop);
            while (true)
            {
                try
                {
                    await user.LoginAsync(options.Password, logins, stop);
                    break;
                }
                catch (Exception ex) when (ex is LoadException or HttpRequestException || (ex is TaskCanceledException && !stop.IsCancellationRequested))
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop);
                }
            }

            loggedIn.Add();
            while (true)
            {
                await Workload.StepAsync(user, targets, tokens, recorder, random, stop);
                await Task.Delay(random.Next(0, 1000), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the run is over; a request cut off here is not counted
        }
    }
}
