using Monitor.Core.Notifications;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>E-mails new inbox notifications when SMTP is configured (see <see cref="NotificationMailer"/>); without settings it does nothing.</summary>
[DisallowConcurrentExecution]
internal sealed class SendNotificationMailJob : IJob
{
    private readonly NotificationMailer _mailer;

    public SendNotificationMailJob(NotificationMailer mailer) => _mailer = mailer;

    public async Task Execute(IJobExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = $"{await _mailer.SendPendingAsync(context.CancellationToken)} e-mails";
    }
}
