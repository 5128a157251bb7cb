using Microsoft.Extensions.Options;
using Monitor.Core;
using Monitor.Core.Data;
using Monitor.Core.Demo;
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
    private readonly DemoCodingLoader _demoCodings;
    private readonly DemoFindingLoader _demoFindings;
    private readonly DemoLearningLoader _demoLearning;
    private readonly DemoInnovationLoader _demoInnovation;
    private readonly DemoTrainingRegisterLoader _demoTrainingRegister;
    private readonly DemoEffectLoader _demoEffects;
    private readonly DemoOrganisationLoader _demoOrganisation;
    private readonly DatabaseMaintenance _maintenance;
    private readonly IOptions<MonitorOptions> _options;

    public DatabaseStartupService(DatabasePreparation preparation, DemoAccounts demoAccounts, DemoCodingLoader demoCodings, DemoFindingLoader demoFindings, DemoLearningLoader demoLearning, DemoInnovationLoader demoInnovation,
        DemoEffectLoader demoEffects, DemoTrainingRegisterLoader demoTrainingRegister, DemoOrganisationLoader demoOrganisation, DatabaseMaintenance maintenance, IOptions<MonitorOptions> options)
    {
        _preparation = preparation;
        _demoAccounts = demoAccounts;
        _demoCodings = demoCodings;
        _demoFindings = demoFindings;
        _demoLearning = demoLearning;
        _demoInnovation = demoInnovation;
        _demoEffects = demoEffects;
        _demoTrainingRegister = demoTrainingRegister;
        _demoOrganisation = demoOrganisation;
        _maintenance = maintenance;
        _options = options;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _preparation.PrepareAsync(includeDemoData: true, cancellationToken);
        await _demoAccounts.EnsureAsync(cancellationToken);
        if (_options.Value.LoadDemoData)
        {
            // the coders of the demo codings are demo accounts, so this comes after them
            await _demoCodings.LoadIfNeededAsync(cancellationToken);
            await _demoFindings.LoadIfNeededAsync(cancellationToken);
            await _demoLearning.LoadIfNeededAsync(cancellationToken);
            await _demoInnovation.LoadIfNeededAsync(cancellationToken);
            await _demoEffects.LoadIfNeededAsync(cancellationToken);
            await _demoTrainingRegister.LoadIfNeededAsync(cancellationToken);
            // the network shares demo findings and lessons, so this comes after them
            await _demoOrganisation.LoadIfNeededAsync(cancellationToken);
        }

        // The migrations and the demo write megabytes at start-up; folding them into the database file and truncating the
        // write-ahead log leaves it small, so it does not hold disk space it no longer needs, and a full disk shows at the
        // first write that needs room instead of after an unknown number of writes that reuse the old log's space.
        await _maintenance.CheckpointAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
