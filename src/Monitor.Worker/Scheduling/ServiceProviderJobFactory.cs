using Quartz;
using Quartz.Spi;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Creates each job run in its own DI scope, so jobs take Core services through their constructor.
/// (Quartz.Extensions.Hosting, which would do this, is not in the package feed here.)
/// </summary>
internal sealed class ServiceProviderJobFactory : IJobFactory
{
    private readonly IServiceProvider _services;
    private readonly Dictionary<IJob, IServiceScope> _scopes = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _lock = new();

    public ServiceProviderJobFactory(IServiceProvider services) => _services = services;

    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var scope = _services.CreateScope();
        var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType);
        lock (_lock)
        {
            _scopes[job] = scope;
        }

        return job;
    }

    public void ReturnJob(IJob job)
    {
        IServiceScope? scope;
        lock (_lock)
        {
            _scopes.Remove(job, out scope);
        }

        scope?.Dispose();
    }
}
