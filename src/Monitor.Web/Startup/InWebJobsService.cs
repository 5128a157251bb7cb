using Monitor.Worker.Scheduling;

namespace Monitor.Web.Startup;

/// <summary>
/// Starts the worker's scheduler inside the web app unless Worker:RunInWeb is false. Decided at start, not at
/// registration, so configuration added late (tests, hosting) counts too.
/// </summary>
internal sealed class InWebJobsService : IHostedService
{
    private readonly ClusterScheduler _scheduler;
    private readonly IConfiguration _configuration;
    private bool _started;

    public InWebJobsService(ClusterScheduler scheduler, IConfiguration configuration)
    {
        _scheduler = scheduler;
        _configuration = configuration;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_configuration.GetValue("Worker:RunInWeb", defaultValue: true))
        {
            await _scheduler.StartAsync(cancellationToken);
            _started = true;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _started ? _scheduler.StopAsync(cancellationToken) : Task.CompletedTask;
}
