using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Web.Security;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Security;

/// <summary>
/// Issue #20: two web hosts on one database file are two nodes behind a load balancer. The data-protection key ring
/// is in the database, so a login cookie and a form's anti-forgery token from node A are accepted by node B, and not by
/// a host on another database.
/// </summary>
public sealed class SharedKeyRingTests
{
    [TestCase("sqlite")]
    [TestCase("postgresql")]
    [Description("issue #20: sessions and anti-forgery keys work across nodes (shared data-protection key ring in the database)")]
    public async Task ALoginCookieAndAFormTokenFromOneNodeWorkOnAnotherNodeOnTheSameDatabase(string engine)
    {
        var postgres = engine == "postgresql" ? Monitor.Core.Tests.Support.PostgresServer.CreateEmptyDatabase() : null;
        try
        {
            await CookiesAndTokensCrossNodesAsync(postgres);
        }
        finally
        {
            if (postgres is not null)
            {
                Monitor.Core.Tests.Support.PostgresServer.DropDatabase(postgres);
            }
        }
    }

    private static Dictionary<string, string?> OnPostgreSql(string connectionString, bool demo) => new()
    {
        ["Monitor:Database"] = "postgresql",
        ["ConnectionStrings:Monitor"] = connectionString,
        ["Monitor:LoadDemoData"] = demo ? "true" : "false",
    };

    private static async Task CookiesAndTokensCrossNodesAsync(string? postgres)
    {
        using var nodeA = postgres is null ? new MonitorWebFactory() : new MonitorWebFactory(settings: OnPostgreSql(postgres, demo: true));
        using var clientA = Browser(nodeA);
        var cookies = new Dictionary<string, string>();
        await LogInAsync(clientA, cookies, Login.Researcher);
        using var nodeB = postgres is null ? new MonitorWebFactory(databasePath: nodeA.DatabasePath) : new MonitorWebFactory(settings: OnPostgreSql(postgres, demo: false));
        using var clientB = Browser(nodeB);

        using var onB = await SendAsync(clientB, cookies, HttpMethod.Get, "/account");
        Assert.That(onB.StatusCode, Is.EqualTo(HttpStatusCode.OK), "node B knows the login cookie that node A issued");
        Assert.That((await Html.ParseAsync(onB)).QuerySelector("form[action*='CreateToken']"), Is.Not.Null);

        // the form comes from node A (its anti-forgery cookie and token), the post goes to node B
        using var formOnA = await SendAsync(clientA, cookies, HttpMethod.Get, "/account");
        var token = (await Html.ParseAsync(formOnA)).AntiforgeryToken();
        using var postOnB = await SendAsync(clientB, cookies, HttpMethod.Post, "/account?handler=CreateToken", new Dictionary<string, string>
        {
            ["TokenName"] = "van node A",
            ["__RequestVerificationToken"] = token,
        });
        Assert.That(postOnB.StatusCode, Is.Not.EqualTo(HttpStatusCode.BadRequest), "node B accepts node A's anti-forgery token");
        Assert.That((await Html.ParseAsync(postOnB)).QuerySelector("[data-new-token]"), Is.Not.Null, "the token was created on node B");

        await using var check = await nodeA.Services.GetRequiredService<MonitorDatabase>().OpenAsync();
        Assert.That(await check.ScalarLongAsync(null, "SELECT count(*) FROM data_protection_keys;", CancellationToken.None), Is.EqualTo(1), "one key, made by the first node, used by both");
    }

    [Test]
    [Description("issue #20: the key ring belongs to the database, not to the machine: another database does not accept the cookie")]
    public async Task ALoginCookieIsRefusedByAHostOnAnotherDatabase()
    {
        using var nodeA = new MonitorWebFactory();
        using var clientA = Browser(nodeA);
        var cookies = new Dictionary<string, string>();
        await LogInAsync(clientA, cookies, Login.Researcher);
        using var other = new MonitorWebFactory();
        using var clientOther = Browser(other);

        using var onOther = await SendAsync(clientOther, cookies, HttpMethod.Get, "/account");
        using var onA = await SendAsync(clientA, cookies, HttpMethod.Get, "/account");

        Assert.That(onOther.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(onOther.Headers.Location?.ToString(), Does.Contain("/inloggen"));
        Assert.That(onA.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static HttpClient Browser(MonitorWebFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task LogInAsync(HttpClient client, Dictionary<string, string> cookies, string email)
    {
        using var form = await SendAsync(client, cookies, HttpMethod.Get, "/inloggen");
        var token = (await Html.ParseAsync(form)).AntiforgeryToken();
        using var login = await SendAsync(client, cookies, HttpMethod.Post, "/inloggen", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = DemoAccounts.Password,
            ["__RequestVerificationToken"] = token,
        });
        Assert.That((login.StatusCode, cookies.ContainsKey("monitor.auth")), Is.EqualTo((HttpStatusCode.Redirect, true)), "logged in on the first node");
    }

    /// <summary>A request with the cookies collected so far, as a browser moving between nodes would send them.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Dictionary<string, string> cookies, HttpMethod method, string url, Dictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }
}
