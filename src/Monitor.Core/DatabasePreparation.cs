using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.Demo;

namespace Monitor.Core;

/// <summary>What both hosts do before their first request or job: migrate, then (web only) load or reset the demo data.</summary>
public sealed class DatabasePreparation
{
    private readonly SchemaMigrator _migrator;
    private readonly DemoDataLoader _demo;
    private readonly IOptions<MonitorOptions> _options;

    public DatabasePreparation(SchemaMigrator migrator, DemoDataLoader demo, IOptions<MonitorOptions> options)
    {
        _migrator = migrator;
        _demo = demo;
        _options = options;
    }

    /// <exception cref="DatabaseStartupException">The database file cannot be used; nothing was written.</exception>
    public async Task PrepareAsync(bool includeDemoData, CancellationToken cancellationToken = default)
    {
        await _migrator.MigrateAsync(cancellationToken);
        if (!includeDemoData)
        {
            return;
        }

        if (_options.Value.ResetDemoData)
        {
            await _demo.ResetAsync(cancellationToken);
        }
        else if (_options.Value.LoadDemoData)
        {
            await _demo.LoadIfEmptyAsync(cancellationToken);
        }
    }
}
