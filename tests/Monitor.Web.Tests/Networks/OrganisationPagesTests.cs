using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Networks;

/// <summary>Client participation, sharing with the learning network and guests from other organisations, against the demo data (issue #23).</summary>
public sealed class OrganisationPagesTests
{
    private readonly MonitorWebFactory _factory = new();

    [OneTimeTearDown]
    public void StopApp() => _factory.Dispose();

    private Task<long> ProjectIdAsync(string slug) => _factory.ScalarAsync($"SELECT id FROM projects WHERE slug = '{slug}'");

    [Test]
    public async Task TheParticipationPageShowsTheCliëntenraadMomentsPerRungAndTheLeaderRecordsOne()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        var page = $"/projecten/{projectId}/participatie";
        using var management = await _factory.LoggedInClientAsync(Login.Management);
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);

        var seen = await management.GetDocumentAsync(page);
        int Count(AngleSharp.Dom.IDocument document, string level) =>
            int.Parse(document.QuerySelector($"tr[data-level='{level}'] td.num")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(new[] { "informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen" }.Select(l => Count(seen, l)), Is.EqualTo(new[] { 1, 2, 0, 1, 0 }));
        Assert.That(seen.QuerySelectorAll("li[data-moment] h3").Select(h => h.TextContent), Has.All.Contains("Cliëntenraad"));
        Assert.That(seen.QuerySelector("form[action$='participatie/wijzigen?handler=save']"), Is.Null, "management reads, does not record");

        using var posted = await leader.PostFormAsync(page, $"{page}/wijzigen?handler=save", new Dictionary<string, string>
        {
            ["heldOn"] = "2021-01-26",
            ["level"] = "adviseren",
            ["party"] = "Cliëntenraad",
            ["asked"] = "Advies over de handleiding",
            ["doneWithIt"] = "Verwerkt",
            ["fedBackOn"] = "2021-02-10",
        });
        var after = await leader.GetDocumentAsync(page);

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.QuerySelector("p.notice")!.TextContent, Does.Contain("opgeslagen"));
        Assert.That(Count(after, "adviseren"), Is.EqualTo(1));

        using var refused = await leader.PostFormAsync(page, $"{page}/wijzigen?handler=save", new Dictionary<string, string> { ["heldOn"] = "2021-01-26", ["level"] = "partnerschap", ["party"] = "Cliëntenraad" });
        var withError = await leader.GetDocumentAsync(page);
        Assert.That(withError.QuerySelector("p.error")!.TextContent, Does.Contain("'partnerschap' is geen trede van de participatieladder"));
        Assert.That(await _factory.ScalarAsync($"SELECT count(*) FROM participation_moments WHERE project_id = {projectId}"), Is.EqualTo(5));
    }

    [Test]
    public async Task TheParticipationApiRecordsAndRefusesInDutch()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        using var api = await _factory.ApiClientAsync(Login.Researcher);
        var url = $"/api/v1/projects/{projectId}/participation";

        var id = await api.CreateAsync(url, new { heldOn = "2022-03-01", level = "raadplegen", party = "Cliëntenpanel", asked = "Is de ansichtkaart begrijpelijk?" });
        using var bad = await api.PostAsJsonAsync(url, new { heldOn = "2022-03-01", level = "raadplegen", party = "", fedBackOn = "2022-02-01" });
        var problem = await bad.Content.ReadAsStringAsync();
        using var list = JsonDocument.Parse(await api.GetStringAsync(url));

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(bad.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem, Does.Contain("Vul de betrokken partij in.").And.Contain("terugkoppeling"));
        Assert.That(list.RootElement.GetProperty("moments").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()), Is.EqualTo(new[] { id }));
        Assert.That(list.RootElement.GetProperty("overview").GetProperty("highest").GetString(), Is.EqualTo("raadplegen"));
    }

    [Test]
    public async Task TheResearcherSharesAFindingAndTheNetworkShowsItUntilItIsUnshared()
    {
        var projectId = await ProjectIdAsync("samen-beslissen-arnhem");
        var finding = await _factory.ScalarAsync($"SELECT id FROM findings WHERE project_id = {projectId} AND title = 'Prioriteren in tijd'");
        var network = await _factory.ScalarAsync("SELECT id FROM networks WHERE name = 'Leernetwerk'");
        using var researcher = await _factory.LoggedInClientAsync(Login.Researcher);
        using var management = await _factory.LoggedInClientAsync(Login.Management);
        var share = $"/projecten/{projectId}/netwerk";
        Assert.That(await management.GetStringAsync($"/netwerken/{network}"), Does.Not.Contain("Prioriteren in tijd"));

        var fields = new Dictionary<string, string> { ["networkId"] = $"{network}", ["kind"] = "bevinding", ["itemId"] = $"{finding}" };
        using var shared = await researcher.PostFormAsync(share, $"{share}?handler=share", fields);
        Assert.That(shared.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await management.GetStringAsync($"/netwerken/{network}"), Does.Contain("Prioriteren in tijd"));
        var sharePage = await researcher.GetDocumentAsync(share);
        Assert.That(sharePage.QuerySelector($"[data-candidate='bevinding-{finding}'] .tag.shared"), Is.Not.Null);

        using var unshared = await researcher.PostFormAsync(share, $"{share}?handler=unshare", fields);
        Assert.That(await management.GetStringAsync($"/netwerken/{network}"), Does.Not.Contain("Prioriteren in tijd"));
    }

    [Test]
    public async Task TheProjectLeaderInvitesAGuestWithANewAccountAndTheApiInvitesAnExistingOne()
    {
        var projectId = await ProjectIdAsync("keuzehulp-werkzaak");
        var groupId = await _factory.ScalarAsync($"SELECT id FROM project_groups WHERE project_id = {projectId} AND name = 'Veranderteam'");
        var page = $"/projecten/{projectId}/groepen/{groupId}";
        using var leader = await _factory.LoggedInClientAsync(Login.ProjectLeader);

        using var posted = await leader.PostFormAsync(page, $"{page}/wijzigen?handler=inviteGuest", new Dictionary<string, string>
        {
            ["email"] = "adviseur@divosa.example",
            ["organisation"] = "Divosa",
            ["displayName"] = "Adviseur Divosa",
            ["password"] = "tijdelijk-wachtwoord-2026",
        });
        var after = await leader.GetDocumentAsync(page);

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.QuerySelector("[data-guest='adviseur@divosa.example']")!.TextContent, Does.Contain("Divosa"));
        Assert.That(await _factory.ScalarAsync("SELECT must_change_password FROM users WHERE email = 'adviseur@divosa.example'"), Is.EqualTo(1));
        Assert.That(await _factory.ScalarAsync("SELECT count(*) FROM project_roles r JOIN users u ON u.id = r.user_id WHERE u.email = 'adviseur@divosa.example'"), Is.EqualTo(0));

        using var api = await _factory.ApiClientAsync(Login.ProjectLeader);
        var url = $"/api/v1/projects/{projectId}/groups/{groupId}/guests";
        var guestId = await api.CreateAsync(url, new { email = Login.Guest, organisation = "Gemeente (leernetwerk)" });
        using var noOrganisation = await api.PostAsJsonAsync(url, new { email = "iemand@sam.example", organisation = "" });
        using var guests = JsonDocument.Parse(await api.GetStringAsync(url));

        Assert.That(noOrganisation.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await noOrganisation.Content.ReadAsStringAsync(), Does.Contain("Vul de organisatie in."));
        Assert.That(guests.RootElement.EnumerateArray().Select(g => g.GetProperty("email").GetString()), Is.EquivalentTo(new[] { "adviseur@divosa.example", Login.Guest }));
        using var removed = await api.DeleteAsync($"{url}/{guestId}");
        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }
}
