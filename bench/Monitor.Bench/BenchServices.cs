using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Core;
using Monitor.Core.Data;

namespace Monitor.Bench;

/// <summary>
/// The Core services as the app wires them (AddMonitorCore), on a fresh database file in a temp folder of its own: the
/// benchmarks measure what runs in production, and need no wiring of their own.
/// </summary>
internal sealed class BenchServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BenchServices(string folder, ServiceProvider provider)
    {
        Folder = folder;
        _provider = provider;
    }

    public string Folder { get; }

    public static async Task<BenchServices> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitor-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Monitor:DatabasePath"] = Path.Combine(folder, "bench.db") })
            .Build();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)).AddMonitorCore(configuration);
        var bench = new BenchServices(folder, services.BuildServiceProvider());
        await bench.Get<SchemaMigrator>().MigrateAsync();
        return bench;
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}
