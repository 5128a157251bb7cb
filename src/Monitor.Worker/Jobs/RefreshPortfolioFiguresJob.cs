using Monitor.Core.Portfolio;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>Nightly: today's portfolio figures of every project (see <see cref="PortfolioService.RefreshAsync"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class RefreshPortfolioFiguresJob : IJob
{
    private readonly PortfolioService _portfolio;
    private readonly ILogger<RefreshPortfolioFiguresJob> _logger;

    public RefreshPortfolioFiguresJob(PortfolioService portfolio, ILogger<RefreshPortfolioFiguresJob> logger)
    {
        _portfolio = portfolio;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var computed = await _portfolio.RefreshAsync(cancellationToken);
        context.Result = $"{computed} projecten";
        _logger.LogInformation("{JobKey}: portfolio figures of {Count} projects computed", context.JobDetail.Key, computed);
    }
}
