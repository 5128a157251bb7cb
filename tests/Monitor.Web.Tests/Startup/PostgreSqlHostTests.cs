using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Core.Tests.Support;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Startup;

/// <summary>
/// The real web host on a real PostgreSQL server (#20, Monitor:Database=postgresql): it migrates an empty database,
/// loads the demo data, answers /health, and two hosts on one database — two web nodes — see each other's writes at
/// once and accept each other's API tokens and reflection links.
/// </summary>
[NonParallelizable]
public sealed class PostgreSqlHostTests
{
    private static Dictionary<string, string?> OnPostgreSql(string connectionString, bool demo = true) => new()
    {
        ["Monitor:Database"] = "postgresql",
        ["ConnectionStrings:Monitor"] = connectionString,
        ["Monitor:LoadDemoData"] = demo ? "true" : "false",
    };

    [Test]
    public async Task TheAppMigratesAnEmptyDatabaseLoadsTheDemoAndSearchesWithoutAccents()
    {
        var database = PostgresServer.CreateEmptyDatabase();
        try
        {
            using var factory = new MonitorWebFactory(settings: OnPostgreSql(database));
            using var anonymous = factory.CreateClient();
            var health = await anonymous.GetAsync("/health");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), await health.Content.ReadAsStringAsync());

            using var api = await factory.ApiClientAsync(Login.ProjectLeader);
            using var projects = JsonDocument.Parse(await api.GetStringAsync("/api/v1/projects"));
            var ids = projects.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
            Assert.That(ids, Has.Count.GreaterThanOrEqualTo(2), "the demo projects are in PostgreSQL");

            // "clientenraad" without the diaeresis finds the demo minutes' "cliëntenraad"
            var hits = 0;
            foreach (var id in ids)
            {
                using var found = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/projects/{id}/meetings/search?q=clientenraad"));
                hits += found.RootElement.GetArrayLength();
            }

            Assert.That(hits, Is.GreaterThan(0));
        }
        finally
        {
            PostgresServer.DropDatabase(database);
        }
    }

    [Test]
    public async Task TwoNodesOnOneDatabaseSeeEachOthersWritesTokensAndReflectionLinks()
    {
        var database = PostgresServer.CreateEmptyDatabase();
        try
        {
            using var first = new MonitorWebFactory(settings: OnPostgreSql(database));
            using var firstApi = await first.ApiClientAsync(Login.ProjectLeader);
            using var second = new MonitorWebFactory(settings: OnPostgreSql(database, demo: false));
            using var secondApi = second.CreateClient();
            secondApi.DefaultRequestHeaders.Authorization = firstApi.DefaultRequestHeaders.Authorization;

            using var projects = JsonDocument.Parse(await secondApi.GetStringAsync("/api/v1/projects"));
            var projectId = projects.RootElement.EnumerateArray().First().GetProperty("id").GetInt64();
            using var meetings = JsonDocument.Parse(await firstApi.GetStringAsync($"/api/v1/projects/{projectId}/meetings"));
            var meetingId = meetings.RootElement.EnumerateArray().First().GetProperty("id").GetInt64();

            var minutes = "Verslag geschreven op node 1 " + Guid.NewGuid().ToString("N");
            using var saved = await firstApi.PutAsJsonAsync($"/api/v1/projects/{projectId}/meetings/{meetingId}/minutes", new { minutes });
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await saved.Content.ReadAsStringAsync());

            var onSecond = await secondApi.GetStringAsync($"/api/v1/projects/{projectId}/meetings/{meetingId}");
            Assert.That(onSecond, Does.Contain(minutes), "node 2 reads what node 1 wrote, at once");

            // a reflection link made on node 1 opens on node 2 (no login: the link is the key)
            using var link = await firstApi.PostAsJsonAsync($"/api/v1/projects/{projectId}/meetings/{meetingId}/reflection-links", new { validDays = 7 });
            Assert.That(link.StatusCode, Is.EqualTo(HttpStatusCode.Created), await link.Content.ReadAsStringAsync());
            using var linkBody = JsonDocument.Parse(await link.Content.ReadAsStringAsync());
            using var anonymousOnSecond = second.CreateClient();
            using var reflect = await anonymousOnSecond.GetAsync(linkBody.RootElement.GetProperty("url").GetString());
            Assert.That(reflect.StatusCode, Is.EqualTo(HttpStatusCode.OK), "node 2 knows the link node 1 made");
            Assert.That(await reflect.Content.ReadAsStringAsync(), Does.Contain("minder gewerkt"), "the reflection form with the closing question");
        }
        finally
        {
            PostgresServer.DropDatabase(database);
        }
    }
}
