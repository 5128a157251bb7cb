using Microsoft.Extensions.Options;
using Monitor.Core;
using Monitor.Core.Demo;
using Monitor.Core.Storage;

namespace Monitor.Web.Startup;

/// <summary>
/// Migrates the database and loads (or resets) the demo data before the server takes requests.
/// A hosted service rather than code in Program.cs so that WebApplicationFactory runs it too.
/// </summary>
internal sealed class DatabaseStartupService : IHostedService
{
    private readonly SchemaMigrator _migrator;
    private readonly DemoDataLoader _demo;
    private readonly IOptions<MonitorOptions> _options;
    private readonly IConfiguration _configuration;

    public DatabaseStartupService(SchemaMigrator migrator, DemoDataLoader demo, IOptions<MonitorOptions> options, IConfiguration configuration)
    {
        _migrator = migrator;
        _demo = demo;
        _options = options;
        _configuration = configuration;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _migrator.MigrateAsync(cancellationToken);
        if (_configuration.GetValue<bool>(WebStartupSwitches.ResetDemoKey))
        {
            await _demo.ResetAsync(cancellationToken);
        }
        else if (_options.Value.LoadDemoData)
        {
            await _demo.LoadIfEmptyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
