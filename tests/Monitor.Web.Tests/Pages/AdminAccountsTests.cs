using System.Net;
using System.Text.Json;
using System.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Web.Security;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Pages;

/// <summary>The beheerder's account pages under /beheer/accounts, driven through real logins and forms.</summary>
public sealed class AdminAccountsTests
{
    private const string AdminEmail = "beheerder@demo.example";
    private const string AdminName = "Beheerder (demo)";
    private const string LeaderEmail = "projectleider@demo.example";
    private const string InitialPassword = "zeven groene kikkers op de dijk";
    private const string Arnhem = "samen-beslissen-arnhem";
    private const string Werkzaak = "keuzehulp-werkzaak";

    // One app for the fixture; every test makes its own accounts, so the tests do not depend on each other.
    private readonly MonitorWebFactory _app = new();
    private readonly WebApplicationFactory<Program> _factory;
    private int _people;

    // The login rate limit (10 a minute per address; all test clients share one address) is lifted. It is read
    // while Program.cs registers services, so it must be a host setting: app configuration arrives too late.
    public AdminAccountsTests() =>
        _factory = _app.WithWebHostBuilder(host => host.UseSetting("Security:LoginAttemptsPerMinute", "10000"));

    [OneTimeTearDown]
    public void StopApp()
    {
        _factory.Dispose();
        _app.Dispose();
    }

    [Test]
    public async Task AdminCreatesAnAccountWithARoleThatIsListedAndCanLogInToChooseAPassword()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var (projectId, projectName) = await ProjectAsync(admin, Arnhem);
        var email = NewEmail();

        using var created = await PostFormAsync(admin, "/beheer/accounts", "/beheer/accounts", new()
        {
            ["DisplayName"] = "Renée de Onderzoeker",
            ["Email"] = email,
            ["Password"] = InitialPassword,
            ["ProjectId"] = projectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Role"] = "onderzoeker",
        });

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = QueryValue(created, "aangemaakt");
        var list = await admin.GetDocumentAsync(created.Headers.Location!.OriginalString);
        Assert.That(list.QuerySelector("p.notice")!.TextContent, Does.Contain("Renée de Onderzoeker").And.Contain("is aangemaakt"));
        var row = list.QuerySelector($"tr[data-account-id='{id}']")!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.That(row.QuerySelector("th a")!.TextContent, Is.EqualTo("Renée de Onderzoeker"));
        Assert.That(cells[0], Is.EqualTo(email));
        Assert.That(cells[1], Is.EqualTo("nee"), "beheerder");
        Assert.That(cells[2], Is.EqualTo("–"), "locked until");
        Assert.That(row.QuerySelectorAll(".tag").Select(t => t.TextContent), Is.EqualTo(new[] { $"{projectName}: Onderzoeker" }));

        using var person = NewClient();
        using var login = await PostLoginAsync(person, email, InitialPassword);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(login.Headers.Location!.OriginalString, Is.EqualTo("/account?wachtwoord=wijzigen"));
        var account = await person.GetDocumentAsync("/account");
        Assert.That(account.QuerySelector("p.notice")!.TextContent, Does.Contain("Kies een nieuw wachtwoord"));
    }

    [Test]
    public async Task AnInvalidEmailAndAWeakPasswordAreRefusedInDutchAndCreateNothing()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var before = (await admin.GetDocumentAsync("/beheer/accounts")).QuerySelectorAll("tr[data-account-id]").Length;

        using var response = await PostFormAsync(admin, "/beheer/accounts", "/beheer/accounts", new()
        {
            ["DisplayName"] = "Mislukte Aanmelding",
            ["Email"] = "geen-e-mailadres",
            ["Password"] = "kort",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Html.ParseAsync(response);
        var errors = page.QuerySelectorAll("p.error").Select(e => e.TextContent).ToList();
        Assert.That(errors, Has.Some.Contains("Vul een geldig e-mailadres in"));
        Assert.That(errors, Has.Some.Contains("minstens 12 tekens"));
        Assert.That(page.QuerySelector("input[name=DisplayName]")!.GetAttribute("value"), Is.EqualTo("Mislukte Aanmelding"), "the form keeps what was typed");
        Assert.That(page.QuerySelector("input[name=Password]")!.GetAttribute("value"), Is.Null, "a password is never sent back");
        var after = await admin.GetDocumentAsync("/beheer/accounts");
        Assert.That(after.QuerySelectorAll("tr[data-account-id]"), Has.Length.EqualTo(before));
        Assert.That(after.QuerySelectorAll("tr th a").Select(a => a.TextContent), Has.None.EqualTo("Mislukte Aanmelding"));
    }

    [Test]
    public async Task AProjectWithoutARoleIsRefusedBeforeTheAccountIsCreated()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var (projectId, _) = await ProjectAsync(admin, Arnhem);
        var email = NewEmail();

        using var response = await PostFormAsync(admin, "/beheer/accounts", "/beheer/accounts", new()
        {
            ["DisplayName"] = "Half Aangemaakt",
            ["Email"] = email,
            ["Password"] = InitialPassword,
            ["ProjectId"] = projectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Role"] = "",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Html.ParseAsync(response);
        Assert.That(page.QuerySelector("p.error")!.TextContent, Does.Contain("Kies ook een rol"));
        var list = await admin.GetDocumentAsync("/beheer/accounts");
        Assert.That(list.QuerySelectorAll("tr td").Select(td => td.TextContent), Has.None.EqualTo(email));
    }

    [Test]
    public async Task ChangedRolesAreSavedAndShowInTheProjectAuditTrail()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var (arnhem, _) = await ProjectAsync(admin, Arnhem);
        var (werkzaak, _) = await ProjectAsync(admin, Werkzaak);
        var id = await CreateAccountAsync(admin, "Wisselende Rol", NewEmail());
        var detail = $"/beheer/accounts/{id}";

        using var saved = await PostFormAsync(admin, detail, $"{detail}?handler=Roles", new()
        {
            [$"roles[{arnhem}]"] = "onderzoeker",
            [$"roles[{werkzaak}]"] = "",
        });

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(saved.Headers.Location!.OriginalString, Is.EqualTo($"{detail}?gelukt=rollen"));
        var page = await admin.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.That(page.QuerySelector("p.notice")!.TextContent, Is.EqualTo("De rollen zijn opgeslagen."));
        Assert.That(page.QuerySelector($"#role-{arnhem} option[selected]")!.GetAttribute("value"), Is.EqualTo("onderzoeker"));
        Assert.That(page.QuerySelector($"#role-{werkzaak} option[selected]")!.GetAttribute("value"), Is.Empty);

        using var trail = await GetJsonAsync(admin, $"/api/v1/projects/{arnhem}/audit?entity=projectrol&entityId={id}");
        var entry = trail.RootElement.EnumerateArray().Single();
        Assert.That(entry.GetProperty("entity").GetString(), Is.EqualTo("projectrol"));
        Assert.That(entry.GetProperty("action").GetString(), Is.EqualTo("create"));
        Assert.That(entry.GetProperty("actorName").GetString(), Is.EqualTo(AdminName));
        Assert.That(entry.GetProperty("changes").GetProperty("role").GetProperty("new").GetString(), Is.EqualTo("onderzoeker"));
        using var untouched = await GetJsonAsync(admin, $"/api/v1/projects/{werkzaak}/audit?entity=projectrol&entityId={id}");
        Assert.That(untouched.RootElement.GetArrayLength(), Is.Zero, "a project whose role did not change gets no audit entry");

        using var again = await PostFormAsync(admin, detail, $"{detail}?handler=Roles", new() { [$"roles[{arnhem}]"] = "onderzoeker" });
        Assert.That(again.Headers.Location!.OriginalString, Is.EqualTo($"{detail}?gelukt=ongewijzigd"));
    }

    [Test]
    public async Task AnUnknownRoleIsRefusedAndNoRoleIsSaved()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var (arnhem, _) = await ProjectAsync(admin, Arnhem);
        var (werkzaak, _) = await ProjectAsync(admin, Werkzaak);
        var id = await CreateAccountAsync(admin, "Foute Rol", NewEmail());
        var detail = $"/beheer/accounts/{id}";

        using var response = await PostFormAsync(admin, detail, $"{detail}?handler=Roles", new()
        {
            [$"roles[{arnhem}]"] = "projectleider",
            [$"roles[{werkzaak}]"] = "beheerder",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Html.ParseAsync(response);
        Assert.That(page.QuerySelector("p.error")!.TextContent, Does.StartWith("Kies een geldige rol"));
        var reloaded = await admin.GetDocumentAsync(detail);
        Assert.That(reloaded.QuerySelectorAll("select option[selected]").Select(o => o.GetAttribute("value")), Is.All.Empty);
    }

    [Test]
    public async Task APasswordResetByTheAdminLetsThePersonLogInWithTheNewPassword()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var email = NewEmail();
        var id = await CreateAccountAsync(admin, "Vergeetachtige Collega", email);
        var detail = $"/beheer/accounts/{id}";

        using var weak = await PostFormAsync(admin, detail, $"{detail}?handler=Password", new() { ["NewPassword"] = "kort" });
        Assert.That(weak.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Html.ParseAsync(weak)).QuerySelector("p.error")!.TextContent, Does.Contain("minstens 12 tekens"));

        const string newPassword = "paarse fietsen langs de Waal";
        using var reset = await PostFormAsync(admin, detail, $"{detail}?handler=Password", new() { ["NewPassword"] = newPassword });
        Assert.That(reset.Headers.Location!.OriginalString, Is.EqualTo($"{detail}?gelukt=wachtwoord"));
        var page = await admin.GetDocumentAsync(reset.Headers.Location!.OriginalString);
        Assert.That(page.QuerySelector("p.notice")!.TextContent, Does.Contain("Het nieuwe wachtwoord is ingesteld"));
        Assert.That(page.QuerySelector("[data-field=must-change]")!.TextContent, Is.EqualTo("ja"));

        using var person = NewClient();
        using var old = await PostLoginAsync(person, email, InitialPassword);
        Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the old password no longer works");
        using var login = await PostLoginAsync(person, email, newPassword);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(login.Headers.Location!.OriginalString, Is.EqualTo("/account?wachtwoord=wijzigen"));
    }

    [Test]
    public async Task UnlockingClearsALockoutAfterFiveWrongLogins()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var email = NewEmail();
        var id = await CreateAccountAsync(admin, "Buitengesloten Collega", email);
        var detail = $"/beheer/accounts/{id}";
        using var person = NewClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await PostLoginAsync(person, email, "helemaal het verkeerde wachtwoord");
        }

        using var locked = await PostLoginAsync(person, email, InitialPassword);
        Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Html.ParseAsync(locked)).QuerySelector("p.error")!.TextContent, Does.Contain("vergrendeld"));
        var list = await admin.GetDocumentAsync("/beheer/accounts");
        Assert.That(list.QuerySelector($"tr[data-account-id='{id}']")!.QuerySelectorAll("td")[2].TextContent, Is.Not.EqualTo("–"));
        var page = await admin.GetDocumentAsync(detail);
        Assert.That(page.QuerySelector("form[action$='handler=Unlock'] button")!.TextContent, Is.EqualTo("Ontgrendelen"));

        using var unlocked = await PostFormAsync(admin, detail, $"{detail}?handler=Unlock", new());

        Assert.That(unlocked.Headers.Location!.OriginalString, Is.EqualTo($"{detail}?gelukt=ontgrendeld"));
        var after = await admin.GetDocumentAsync(detail);
        Assert.That(after.QuerySelector("form[action$='handler=Unlock']"), Is.Null);
        Assert.That(after.QuerySelector("[data-field=locked-until]")!.TextContent, Is.EqualTo("niet vergrendeld"));
        using var login = await PostLoginAsync(person, email, InitialPassword);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task TheExportHoldsTheAccountRolesTokensAndAuditTrailButNoPasswordOrTokenHash()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var (arnhem, arnhemName) = await ProjectAsync(admin, Arnhem);
        var email = NewEmail();
        var id = await CreateAccountAsync(admin, "Anaïs Één", email, arnhem, "deelnemer");
        using var person = await LoginAsync(email, InitialPassword);
        using var tokenPage = await PostFormAsync(person, "/account", "/account?handler=CreateToken", new() { ["TokenName"] = "R-script rapportage" });
        var secret = (await Html.ParseAsync(tokenPage)).QuerySelector("code[data-new-token]")!.TextContent;
        var passwordHash = (await _factory.Services.GetRequiredService<AccountStore>().FindAsync(id))!.PasswordHash;

        using var response = await admin.GetAsync($"/beheer/accounts/{id}/export");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo($"persoonsgegevens-{id}.json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("Anaïs Één"), "Dutch characters are written as they are");
        Assert.That(text, Does.Not.Contain("passwordHash").IgnoreCase.And.Not.Contain("password_hash").IgnoreCase);
        Assert.That(text, Does.Not.Contain(passwordHash));
        Assert.That(text, Does.Not.Contain(ApiTokens.Hash(secret)).And.Not.Contain(secret));
        Assert.That(text, Does.Not.Contain("tokenHash").IgnoreCase.And.Not.Contain("token_hash").IgnoreCase);

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.That(root.GetProperty("account").GetProperty("email").GetString(), Is.EqualTo(email));
        Assert.That(root.GetProperty("account").GetProperty("mustChangePassword").GetBoolean(), Is.True);
        var role = root.GetProperty("projectRoles").EnumerateArray().Single();
        Assert.That(role.GetProperty("projectName").GetString(), Is.EqualTo(arnhemName));
        Assert.That(role.GetProperty("role").GetString(), Is.EqualTo("deelnemer"));
        var token = root.GetProperty("apiTokens").EnumerateArray().Single();
        Assert.That(token.GetProperty("name").GetString(), Is.EqualTo("R-script rapportage"));
        Assert.That(secret, Does.StartWith(token.GetProperty("prefix").GetString()!));
        var byPerson = root.GetProperty("auditByPerson").EnumerateArray().ToList();
        Assert.That(byPerson.Select(e => (e.GetProperty("entity").GetString(), e.GetProperty("action").GetString())), Does.Contain(("apitoken", "create")));
        Assert.That(byPerson.Select(e => e.GetProperty("actorUserId").GetInt64()), Is.All.EqualTo(id));
        var about = root.GetProperty("auditAboutAccount").EnumerateArray().ToList();
        Assert.That(about.Select(e => (e.GetProperty("entity").GetString(), e.GetProperty("action").GetString())), Does.Contain(("account", "create")).And.Contain(("projectrol", "create")));
        Assert.That(about.Select(e => e.GetProperty("entityId").GetInt64()), Is.All.EqualTo(id));
    }

    [Test]
    public async Task DeletingAnAccountEndsItsLoginAndAnonymisesItsAuditEntries()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var (arnhem, _) = await ProjectAsync(admin, Arnhem);
        var leavingEmail = NewEmail();
        var leaving = await CreateAccountAsync(admin, "Vertrekkende Beheerder", leavingEmail, isAdmin: true);
        var other = await CreateAccountAsync(admin, "Blijvende Collega", NewEmail());
        using var leaver = await LoginAsync(leavingEmail, InitialPassword);
        using (var change = await PostFormAsync(leaver, $"/beheer/accounts/{other}", $"/beheer/accounts/{other}?handler=Roles", new() { [$"roles[{arnhem}]"] = "management" }))
        {
            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the leaving beheerder changes a role, so the trail names them");
        }

        var detail = $"/beheer/accounts/{leaving}";
        using var unconfirmed = await PostFormAsync(admin, detail, $"{detail}?handler=Delete", new());
        Assert.That(unconfirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Html.ParseAsync(unconfirmed)).QuerySelector("p.error")!.TextContent, Does.StartWith("Vink eerst aan"));
        using (var stillThere = await admin.GetAsync(detail))
        {
            Assert.That(stillThere.StatusCode, Is.EqualTo(HttpStatusCode.OK), "nothing is deleted without the confirmation");
        }

        using var deleted = await PostFormAsync(admin, detail, $"{detail}?handler=Delete", new() { ["confirm"] = "true" });

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(deleted.Headers.Location!.OriginalString, Is.EqualTo($"/beheer/accounts?verwijderd={leaving}"));
        var list = await admin.GetDocumentAsync(deleted.Headers.Location!.OriginalString);
        Assert.That(list.QuerySelector("p.notice")!.TextContent, Does.Contain($"Account #{leaving} is verwijderd"));
        Assert.That(list.QuerySelector($"tr[data-account-id='{leaving}']"), Is.Null);
        using (var gone = await admin.GetAsync(detail))
        {
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        using (var session = await leaver.GetAsync("/account"))
        {
            Assert.That(session.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the deleted person's session ends");
            Assert.That(session.Headers.Location!.AbsolutePath, Is.EqualTo("/inloggen"));
        }

        using var stranger = NewClient();
        using var login = await PostLoginAsync(stranger, leavingEmail, InitialPassword);
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Html.ParseAsync(login)).QuerySelector("p.error")!.TextContent, Does.Contain("klopt niet"));
        using var trail = await GetJsonAsync(admin, $"/api/v1/projects/{arnhem}/audit?entity=projectrol&entityId={other}");
        var entry = trail.RootElement.EnumerateArray().Single(e => e.GetProperty("actorUserId").ValueKind == JsonValueKind.Number && e.GetProperty("actorUserId").GetInt64() == leaving);
        Assert.That(entry.GetProperty("actorName").GetString(), Is.EqualTo($"Verwijderde gebruiker #{leaving}"));
        Assert.That(trail.RootElement.GetRawText(), Does.Not.Contain("Vertrekkende Beheerder"));
    }

    [Test]
    public async Task AnAdminCannotDeleteTheirOwnAccount()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        using var whoAmI = await GetJsonAsync(admin, "/api/v1/me");
        var me = whoAmI.RootElement.GetProperty("id").GetInt64();
        var detail = $"/beheer/accounts/{me}";
        var page = await admin.GetDocumentAsync(detail);
        Assert.That(page.QuerySelector("form[action$='handler=Delete']"), Is.Null, "no delete form on one's own account");

        using var response = await PostFormAsync(admin, detail, $"{detail}?handler=Delete", new() { ["confirm"] = "true" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Html.ParseAsync(response)).QuerySelector("p.error")!.TextContent, Is.EqualTo("U kunt uw eigen account niet verwijderen. Vraag een andere beheerder om dat te doen."));
        using var stillMe = await admin.GetAsync("/api/v1/me");
        Assert.That(stillMe.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnUnknownAccountIsNotFound()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);

        using var detail = await admin.GetAsync("/beheer/accounts/999999");
        using var export = await admin.GetAsync("/beheer/accounts/999999/export");

        Assert.That(detail.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/beheer/accounts")]
    [TestCase("/beheer/accounts/1")]
    [TestCase("/beheer/accounts/1/export")]
    public async Task ANonAdminIsSentToTheNoAccessPage(string url)
    {
        using var leader = await LoginAsync(LeaderEmail, DemoAccounts.Password);

        using var response = await leader.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/geen-toegang"));
        using var denied = await leader.GetAsync(response.Headers.Location);
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task ANonAdminCannotCreateAnAccount()
    {
        using var leader = await LoginAsync(LeaderEmail, DemoAccounts.Password);
        var email = NewEmail();

        using var response = await PostFormAsync(leader, "/account", "/beheer/accounts", new()
        {
            ["DisplayName"] = "Stiekem Account",
            ["Email"] = email,
            ["Password"] = InitialPassword,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/geen-toegang"));
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var list = await admin.GetDocumentAsync("/beheer/accounts");
        Assert.That(list.QuerySelectorAll("tr td").Select(td => td.TextContent), Has.None.EqualTo(email));
    }

    [Test]
    public async Task AVisitorWhoIsNotLoggedInIsSentToTheLoginPage()
    {
        using var anonymous = NewClient();

        using var response = await anonymous.GetAsync("/beheer/accounts");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/inloggen"));
    }

    [Test]
    public async Task AdminPagesRenderWithALabelForEveryFieldAndNoInlineScriptOrStyle()
    {
        using var admin = await LoginAsync(AdminEmail, DemoAccounts.Password);
        var id = await CreateAccountAsync(admin, "Toegankelijke Pagina", NewEmail());

        foreach (var url in new[] { "/beheer/accounts", $"/beheer/accounts/{id}" })
        {
            using var response = await admin.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            var page = await Html.ParseAsync(response);
            Assert.That(page.QuerySelectorAll("h1"), Has.Length.EqualTo(1), url);
            foreach (var field in page.QuerySelectorAll("main input:not([type=hidden]), main select"))
            {
                var fieldId = field.GetAttribute("id");
                Assert.That(fieldId, Is.Not.Null.And.Not.Empty, $"{url}: {field.OuterHtml}");
                Assert.That(page.QuerySelector($"label[for='{fieldId}']"), Is.Not.Null, $"{url}: no label for #{fieldId}");
            }

            foreach (var form in page.QuerySelectorAll("main form[method=post]"))
            {
                Assert.That(form.QuerySelector("input[name=__RequestVerificationToken]"), Is.Not.Null, $"{url}: {form.GetAttribute("action")}");
            }

            // script only as files of our own (the CSP's script-src 'self'; issue #16's confirm.js), never inline
            Assert.That(page.QuerySelectorAll("script:not([src]), style, [style]"), Is.Empty, url);
            Assert.That(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")), Has.All.StartWith("/js/"), url);
        }
    }

    private HttpClient NewClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private string NewEmail() => $"collega{Interlocked.Increment(ref _people)}@voorbeeld.nl";

    private async Task<HttpClient> LoginAsync(string email, string password)
    {
        var client = NewClient();
        using var response = await PostLoginAsync(client, email, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"login as {email}");
        return client;
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/inloggen", "/inloggen", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>Opens <paramref name="pageUrl"/> for its anti-forgery token, then posts the fields to <paramref name="postUrl"/>.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        using var pageResponse = await client.GetAsync(pageUrl);
        Assert.That(pageResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), pageUrl);
        var page = await Html.ParseAsync(pageResponse);
        fields["__RequestVerificationToken"] = page.AntiforgeryToken();
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(postUrl, form);
    }

    /// <summary>Creates an account through the admin form and returns its id.</summary>
    private static async Task<long> CreateAccountAsync(HttpClient admin, string name, string email, long? projectId = null, string? role = null, bool isAdmin = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["DisplayName"] = name,
            ["Email"] = email,
            ["Password"] = InitialPassword,
            ["ProjectId"] = projectId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Role"] = role ?? "",
        };
        if (isAdmin)
        {
            fields["IsAdmin"] = "true";
        }

        using var response = await PostFormAsync(admin, "/beheer/accounts", "/beheer/accounts", fields);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"creating {email}");
        return QueryValue(response, "aangemaakt");
    }

    private static async Task<(long Id, string Name)> ProjectAsync(HttpClient client, string slug)
    {
        using var projects = await GetJsonAsync(client, "/api/v1/projects");
        var project = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == slug);
        return (project.GetProperty("id").GetInt64(), project.GetProperty("name").GetString()!);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static long QueryValue(HttpResponseMessage redirect, string name)
    {
        var query = HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), redirect.Headers.Location!).Query);
        return long.Parse(query[name]!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
