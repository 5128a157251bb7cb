using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Web.Tests.Support;

/// <summary>
/// The real web host on a real SQLite file in a temp folder of its own — or, when the test run asks for it with
/// MONITOR_TEST_WEB_ENGINE=postgresql (tools/run-tests.sh's second pass over the web tests), on an empty database of its
/// own on the tests' PostgreSQL server, which the host migrates and fills with the demo data as it would a SQLite file.
/// A test that names a database file, or settings of its own for the database, keeps them.
/// </summary>
internal sealed class MonitorWebFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public MonitorWebFactory(string? databasePath = null, IDictionary<string, string?>? settings = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "monitor-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = databasePath ?? Path.Combine(Folder, "monitor.db");
        // Tests log in far more often than a person; the login rate limit has its own test.
        _settings = new Dictionary<string, string?> { ["Security:LoginAttemptsPerMinute"] = "10000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _settings["Monitor:DatabasePath"] = DatabasePath;
        if (databasePath is null && !_settings.ContainsKey("Monitor:Database")
            && string.Equals(Environment.GetEnvironmentVariable("MONITOR_TEST_WEB_ENGINE"), "postgresql", StringComparison.OrdinalIgnoreCase))
        {
            PostgresConnectionString = Monitor.Core.Tests.Support.PostgresServer.CreateEmptyDatabase();
            _settings["Monitor:Database"] = "postgresql";
            _settings["ConnectionStrings:Monitor"] = PostgresConnectionString;
        }
    }

    /// <summary>The PostgreSQL database of this host when the run puts the web tests on PostgreSQL (null on SQLite).</summary>
    public string? PostgresConnectionString { get; }

    public string Folder { get; }

    public string DatabasePath { get; }

    /// <summary>The address Kestrel listens on after UseKestrel(0) and StartServer().</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (PostgresConnectionString is { } postgres)
            {
                Monitor.Core.Tests.Support.PostgresServer.DropDatabase(postgres);
            }

            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // left for the OS to clean when a file is still held
            }
        }
    }
}
