using Monitor.Core.Notifications;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>E-mails new inbox notifications when SMTP is configured (see <see cref="NotificationMailer"/>); without settings it does nothing.</summary>
[DisallowConcurrentExecution]
internal sealed class SendNotificationMailJob : IJob
{
    private readonly NotificationMailer _mailer;

    public SendNotificationMailJob(NotificationMailer mailer) => _mailer = mailer;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = $"{await _mailer.SendPendingAsync(cancellationToken)} e-mails";
    }
}
