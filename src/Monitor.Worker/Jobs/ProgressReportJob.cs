using Microsoft.Extensions.Options;
using Monitor.Core.Reports;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>
/// Checks every hour which projects' monthly progress report is due by their own schedule (or the default, first
/// working day of the month 07:00) and makes the missing ones (see <see cref="MonthlyProgressReports"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ProgressReportJob : IJob
{
    private readonly MonthlyProgressReports _reports;
    private readonly TimeProvider _time;
    private readonly IOptions<WorkerOptions> _options;
    private readonly ILogger<ProgressReportJob> _logger;

    public ProgressReportJob(MonthlyProgressReports reports, TimeProvider time, IOptions<WorkerOptions> options, ILogger<ProgressReportJob> logger)
    {
        _reports = reports;
        _time = time;
        _options = options;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var made = await _reports.GenerateScheduledAsync(_time.GetUtcNow(), _options.Value.ProgressReportCron, cancellationToken);
        context.Result = $"{made} rapportages";
        _logger.LogInformation("{JobKey}: {Count} progress reports", context.JobDetail.Key, made);
    }
}
