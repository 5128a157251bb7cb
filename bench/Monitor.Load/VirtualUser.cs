using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Monitor.Load;

/// <summary>
/// One person in a browser: a cookie container of their own, logged in through the login form with the page's
/// anti-forgery token, and the token the pages' scripts send with API writes. API calls with a personal token go
/// through a second client without cookies, as a script would.
/// </summary>
internal sealed class VirtualUser : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _browser;
    private readonly HttpClient _script;
    private string? _antiforgery;

    public VirtualUser(Uri baseUri, string email, Role role)
    {
        Email = email;
        Role = role;
        BaseUri = baseUri;
        _browser = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = _timeout };
        _script = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = _timeout };
    }

    public string Email { get; }

    public Role Role { get; }

    public Uri BaseUri { get; }

    /// <summary>The coding this user added last (project, coding id): removed again before the next one, so a user keeps at most one.</summary>
    public (long ProjectId, long CodingId)? LastCoding { get; set; }

    /// <summary>GET /inloggen, POST the form with its token (a 302 away from the login page means signed in), then GET /account for the token of later writes; timed as one "login" in <paramref name="logins"/>.</summary>
    public async Task LoginAsync(string password, Recorder logins, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var page = await GetPageAsync("/inloggen", cancellationToken);
            var token = FormToken.Find(page) ?? throw new LoadException("geen anti-forgery-token op /inloggen");
            using var form = new FormUrlEncodedContent([new("Email", Email), new("Password", password), new("__RequestVerificationToken", token)]);
            using var response = await _browser.PostAsync(new Uri("/inloggen", UriKind.Relative), form, cancellationToken);
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || location.Contains("inloggen", StringComparison.Ordinal))
            {
                throw new LoadException(response.StatusCode == HttpStatusCode.TooManyRequests
                    ? "inloggen: 429 (Security:LoginAttemptsPerMinute te laag voor deze test)"
                    : $"inloggen als {Email} gaf {(int)response.StatusCode} {location}");
            }

            _antiforgery = FormToken.Find(await GetPageAsync("/account", cancellationToken)) ?? throw new LoadException("geen anti-forgery-token op /account");
            logins.Add("login", "GET+POST /inloggen, GET /account", BaseUri, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Outcome.Ok, null);
        }
        catch (Exception ex) when (ex is LoadException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logins.Add("login", "GET+POST /inloggen, GET /account", BaseUri, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Outcome.Error, ex.Message);
            throw;
        }
    }

    /// <summary>Creates a personal API token on the account page (shown once) and returns it.</summary>
    public async Task<string> CreateApiTokenAsync(string name, CancellationToken cancellationToken)
    {
        var token = FormToken.Find(await GetPageAsync("/account", cancellationToken)) ?? throw new LoadException("geen anti-forgery-token op /account");
        using var form = new FormUrlEncodedContent([new("TokenName", name), new("__RequestVerificationToken", token)]);
        using var response = await _browser.PostAsync(new Uri("/account?handler=CreateToken", UriKind.Relative), form, cancellationToken);
        var page = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode && FormToken.FindNewApiToken(page) is { } secret
            ? secret
            : throw new LoadException($"API-token maken als {Email} gaf {(int)response.StatusCode}");
    }

    /// <summary>An untimed API GET with the login cookie, for discovering ids before the run.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _browser.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new LoadException($"GET {path} als {Email} gaf {(int)response.StatusCode}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A timed request of the mix; returns the body when it succeeded. A redirect counts as an error (a page that
    /// should show sends the user to the login page); the request's IsConflict may call a refused write a conflict.
    /// </summary>
    public async Task<string?> SendAsync(Recorder recorder, Request request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(request.Path, UriKind.Relative)) { Content = request.Content };
        if (request.Bearer is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Bearer);
        }
        else if (request.Method != HttpMethod.Get)
        {
            message.Headers.Add("RequestVerificationToken", _antiforgery);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await (request.Bearer is null ? _browser : _script).SendAsync(message, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            var outcome = status is >= 200 and < 300 ? Outcome.Ok
                : status == 409 || (request.IsConflict?.Invoke(status, body) ?? false) ? Outcome.Conflict
                : Outcome.Error;
            var error = outcome == Outcome.Error
                ? $"{status} {request.Method} {request.Route}{(status is >= 300 and < 400 ? $" → {response.Headers.Location}" : "")}: {Shorten(body)}"
                : null;
            recorder.Add(request.Route, request.Pattern, BaseUri, elapsed, outcome, error);
            return outcome == Outcome.Ok ? body : null;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            recorder.Add(request.Route, request.Pattern, BaseUri, Stopwatch.GetElapsedTime(started).TotalMilliseconds, Outcome.Error, $"{request.Method} {request.Route}: {ex.Message}");
            return null;
        }
    }

    public void Dispose()
    {
        _browser.Dispose();
        _script.Dispose();
    }

    private async Task<string> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _browser.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadAsStringAsync(cancellationToken)
            : throw new LoadException($"GET {path} als {Email} gaf {(int)response.StatusCode}");
    }

    private static string Shorten(string body)
    {
        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 160 ? flat : flat[..160] + "…";
    }
}
