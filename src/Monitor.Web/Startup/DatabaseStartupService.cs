using Monitor.Core.Storage;

namespace Monitor.Web.Startup;

/// <summary>
/// Migrates the database and loads (or resets) the demo data before the server takes requests.
/// A hosted service rather than code in Program.cs so that WebApplicationFactory runs it too.
/// </summary>
internal sealed class DatabaseStartupService : IHostedService
{
    private readonly DatabasePreparation _preparation;

    public DatabaseStartupService(DatabasePreparation preparation) => _preparation = preparation;

    public Task StartAsync(CancellationToken cancellationToken) => _preparation.PrepareAsync(includeDemoData: true, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
