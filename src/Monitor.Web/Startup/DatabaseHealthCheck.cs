using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitor.Core.Data;

namespace Monitor.Web.Startup;

/// <summary>/health: the database can really be read and written now (see <see cref="DatabaseHealth"/>).</summary>
internal sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly DatabaseHealth _health;

    public DatabaseHealthCheck(DatabaseHealth health) => _health = health;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await _health.CheckAsync(cancellationToken);
        return report.Healthy ? HealthCheckResult.Healthy(report.Description) : HealthCheckResult.Unhealthy(report.Description);
    }
}
