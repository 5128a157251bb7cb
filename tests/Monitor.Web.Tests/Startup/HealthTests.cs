using Microsoft.Data.Sqlite;
using System.Net;
using Monitor.Web.Tests.Support;

namespace Monitor.Web.Tests.Startup;

/// <summary>Issue #26: /health says Unhealthy when the database cannot really be read and written.</summary>
public sealed class HealthTests
{
    [Test]
    public async Task IsHealthyWhenTheDatabaseCanBeWritten()
    {
        using var factory = new MonitorWebFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task IsUnhealthyWhileAnotherProcessKeepsTheDatabaseLockedAndHealthyAgainAfterwards()
    {
        using var factory = new MonitorWebFactory();
        using var client = factory.CreateClient();
        (await client.GetAsync("/health")).Dispose();

        await using (var other = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE; INSERT INTO health_probe (id, checked_at) VALUES (1, 'vast') ON CONFLICT (id) DO UPDATE SET checked_at = 'vast';";
            await hold.ExecuteNonQueryAsync();

            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var locked = await client.GetAsync("/health");
            Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(8)), "the check gives up quickly, so it can be polled");

            await using var release = other.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        using var free = await client.GetAsync("/health");
        Assert.That(free.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task IsUnhealthyWhenRequestsFindTheDatabaseMalformed()
    {
        using var factory = new MonitorWebFactory();
        using var api = await factory.ApiClientAsync(Login.Admin);
        using var client = factory.CreateClient();
        (await client.GetAsync("/health")).Dispose();

        // Damage the file the way a lost WAL does: a table whose root page is another b-tree's page.
        await using (var other = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var damage = other.CreateCommand();
            damage.CommandText = "PRAGMA schema_version;";
            var version = (long)(await damage.ExecuteScalarAsync())!;
            // the schema cookie tells the app's pooled connections that the schema changed
            damage.CommandText = "SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND rootpage > 0 ORDER BY rootpage DESC LIMIT 1;";
            var indexPage = (long)(await damage.ExecuteScalarAsync())!;
            damage.CommandText = $"PRAGMA writable_schema = ON; UPDATE sqlite_schema SET rootpage = {indexPage} WHERE name = 'projects'; PRAGMA schema_version = {version + 1}; PRAGMA writable_schema = OFF;";
            await damage.ExecuteNonQueryAsync();
        }

        using var projects = await api.GetAsync("/api/v1/projects");
        Assert.That(projects.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await projects.Content.ReadAsStringAsync());
        Assert.That(await projects.Content.ReadAsStringAsync(), Does.Contain("De database is niet bruikbaar"));

        using var health = await client.GetAsync("/health");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }
}
