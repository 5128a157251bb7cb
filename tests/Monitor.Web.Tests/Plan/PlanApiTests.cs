using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Plan;

public sealed class PlanApiTests
{
    private readonly MonitorWebFactory _factory = new();
    private HttpClient? _leader;
    private long _project;

    private HttpClient Leader => _leader ?? throw new InvalidOperationException("not set up");

    [OneTimeSetUp]
    public async Task SetUp()
    {
        _leader = await _factory.ApiClientAsync(Login.ProjectLeader);
        using var projects = JsonDocument.Parse(await Leader.GetStringAsync("/api/v1/projects"));
        _project = projects.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "keuzehulp-werkzaak").GetProperty("id").GetInt64();
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        _leader?.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task CreatesUpdatesAndDeletesAnActivity()
    {
        var body = new { phase = 2, title = "Handleiding verspreiden", targetGroup = "professionals", owner = "Kernteam", plannedMonth = "2021-09", status = "gepland", determinants = new[] { 17, 3 } };

        using var created = await Leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/activities", body);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("id").GetInt64();
        using var updated = await Leader.PutAsJsonAsync($"/api/v1/projects/{_project}/plan/activities/{id}", body with { });
        using var done = await Leader.PutAsJsonAsync($"/api/v1/projects/{_project}/plan/activities/{id}", new { phase = 2, title = "Handleiding verspreiden", status = "gereed", startedOn = "2021-09-01", completedOn = "2021-09-30" });
        using var doneJson = JsonDocument.Parse(await done.Content.ReadAsStringAsync());
        using var deleted = await Leader.DeleteAsync($"/api/v1/projects/{_project}/plan/activities/{id}");
        using var gone = await Leader.DeleteAsync($"/api/v1/projects/{_project}/plan/activities/{id}");

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(json.RootElement.GetProperty("fields").GetProperty("plannedMonth").GetString(), Is.EqualTo("2021-09"));
        Assert.That(json.RootElement.GetProperty("fields").GetProperty("determinants").EnumerateArray().Select(d => d.GetInt32()), Is.EqualTo(new[] { 3, 17 }));
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(doneJson.RootElement.GetProperty("fields").GetProperty("status").GetString(), Is.EqualTo("gereed"));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("plannedMonth", "2021-13", "geen maand")]
    [TestCase("plannedMonth", "maart", "geen maand")]
    [TestCase("status", "klaar", "geen status")]
    [TestCase("targetGroup", "burgers", "geen doelgroep")]
    [TestCase("startedOn", "1-3-2021", "geen datum")]
    public async Task RefusesBadFieldsWithADutchMessageNamingTheField(string field, string value, string message)
    {
        var body = new Dictionary<string, object> { ["phase"] = 1, ["title"] = "Test", [field] = value };

        using var response = await Leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/activities", body);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain(message));
    }

    [Test]
    public async Task RefusesDeterminantThirtyAPhaseSevenAndAnEndBeforeItsStart()
    {
        var body = new { phase = 7, title = "Test", determinants = new[] { 30 }, startedOn = "2021-05-01", completedOn = "2021-04-01" };

        using var response = await Leader.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/activities", body);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");

        Assert.That(errors.GetProperty("phase")[0].GetString(), Does.Contain("Movisie-fase"));
        Assert.That(errors.GetProperty("determinants")[0].GetString(), Does.Contain("Determinant 30"));
        Assert.That(errors.GetProperty("completedOn")[0].GetString(), Does.Contain("vóór de startdatum"));
    }

    [Test]
    public async Task ReturnsThePlanWithScoresPerPhase()
    {
        using var plan = JsonDocument.Parse(await Leader.GetStringAsync($"/api/v1/projects/{_project}/plan"));

        var scores = plan.RootElement.GetProperty("scores").EnumerateArray().ToList();
        Assert.That(scores, Has.Count.EqualTo(6));
        Assert.That(scores.Count(s => s.GetProperty("isCurrent").GetBoolean()), Is.EqualTo(1));
        Assert.That(plan.RootElement.GetProperty("currentPhase").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task LinksAnActivityToTheMeetingsWhereItWasDiscussed()
    {
        using var project = JsonDocument.Parse(await Leader.GetStringAsync($"/api/v1/projects/{_project}"));
        var meetings = project.RootElement.GetProperty("groups")[0].GetProperty("meetings").EnumerateArray().Take(2).Select(m => m.GetProperty("id").GetInt64()).ToArray();
        using var plan = JsonDocument.Parse(await Leader.GetStringAsync($"/api/v1/projects/{_project}/plan"));
        var activityId = plan.RootElement.GetProperty("activities")[0].GetProperty("id").GetInt64();

        using var linked = await Leader.PutAsJsonAsync($"/api/v1/projects/{_project}/plan/activities/{activityId}/meetings", meetings);
        using var foreign = await Leader.PutAsJsonAsync($"/api/v1/projects/{_project}/plan/activities/{activityId}/meetings", new[] { 987654L });
        using var json = JsonDocument.Parse(await linked.Content.ReadAsStringAsync());

        Assert.That(linked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.RootElement.GetProperty("meetingIds").EnumerateArray().Select(m => m.GetInt64()), Is.EqualTo(meetings.Order()));
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await foreign.Content.ReadAsStringAsync(), Does.Contain("hoort niet bij dit project"));
    }

    [Test]
    public async Task ManagementMayReadThePlanButNotChangeIt()
    {
        using var manager = await _factory.ApiClientAsync(Login.Management);

        using var read = await manager.GetAsync($"/api/v1/projects/{_project}/plan");
        using var write = await manager.PostAsJsonAsync($"/api/v1/projects/{_project}/plan/activities", new { phase = 1, title = "Mag niet" });

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
