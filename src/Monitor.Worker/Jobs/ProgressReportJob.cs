using Monitor.Core.Portfolio;
using Monitor.Core.Reports;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>Monthly progress report per project (see <see cref="MonthlyProgressReports"/>); default first working day of the month, 07:00.</summary>
[DisallowConcurrentExecution]
internal sealed class ProgressReportJob : IJob
{
    private readonly MonthlyProgressReports _reports;
    private readonly TimeProvider _time;
    private readonly ILogger<ProgressReportJob> _logger;

    public ProgressReportJob(MonthlyProgressReports reports, TimeProvider time, ILogger<ProgressReportJob> logger)
    {
        _reports = reports;
        _time = time;
        _logger = logger;
    }

    public async Task Execute(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var made = await _reports.GenerateDueAsync(PortfolioService.Today(_time), context.CancellationToken);
        context.Result = $"{made} rapportages";
        _logger.LogInformation("{JobKey}: {Count} progress reports", context.JobDetail.Key, made);
    }
}
