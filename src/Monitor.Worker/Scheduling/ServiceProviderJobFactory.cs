using Quartz;
using Quartz.Extensibility;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Creates each job run in its own DI scope of the application's service provider, so jobs take Core services through
/// their constructor. (The scheduler is built by Quartz's standalone builder, whose container is its own.)
/// </summary>
internal sealed class ServiceProviderJobFactory : IJobFactory
{
    private readonly IServiceProvider _services;

    public ServiceProviderJobFactory(IServiceProvider services) => _services = services;

    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var scope = _services.CreateScope();
        try
        {
            var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType.Type);
            return ValueTask.FromResult(new JobScope(job, scope));
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    public ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken = default)
    {
        (scope.State as IServiceScope)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
