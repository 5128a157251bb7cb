using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Web.Tests.Support;

/// <summary>The real web host on a real SQLite file in a temp folder of its own.</summary>
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
    }

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
