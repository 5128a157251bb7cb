using Monitor.Core.Storage;
using Monitor.Web.Security;

namespace Monitor.Web.Startup;

/// <summary>
/// Migrates the database, loads (or resets) the demo data and the demo accounts before the server takes
/// requests. A hosted service rather than code in Program.cs so that WebApplicationFactory runs it too.
/// </summary>
internal sealed class DatabaseStartupService : IHostedService
{
    private readonly DatabasePreparation _preparation;
    private readonly DemoAccounts _demoAccounts;

    public DatabaseStartupService(DatabasePreparation preparation, DemoAccounts demoAccounts)
    {
        _preparation = preparation;
        _demoAccounts = demoAccounts;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _preparation.PrepareAsync(includeDemoData: true, cancellationToken);
        await _demoAccounts.EnsureAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
