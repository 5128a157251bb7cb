using System.Globalization;
using System.Net.Mail;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;

namespace Monitor.Core.Notifications;

/// <summary>
/// Sends inbox notifications by e-mail when SMTP is configured: each notification once, to its user's address, with
/// the link into the app. A failure is counted and retried on later runs (at most <see cref="MaxAttempts"/>); the
/// notification stays in the inbox either way.
/// </summary>
public sealed class NotificationMailer
{
    public const int MaxAttempts = 5;
    private readonly MonitorDatabase _database;
    private readonly IOptions<SmtpOptions> _options;
    private readonly IOptions<MonitorOptions> _monitor;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationMailer> _logger;

    public NotificationMailer(MonitorDatabase database, IOptions<SmtpOptions> options, IOptions<MonitorOptions> monitor, TimeProvider time, ILogger<NotificationMailer> logger)
    {
        _database = database;
        _options = options;
        _monitor = monitor;
        _time = time;
        _logger = logger;
    }

    /// <summary>Sends what has not been sent; returns how many mails went out (0 without SMTP settings).</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken = default)
    {
        var options = _options.Value;
        if (!options.IsConfigured)
        {
            return 0;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        var pending = await connection.QueryAsync(null, """
            SELECT n.id, u.email, n.title, n.body, n.link FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.emailed_at IS NULL AND n.email_attempts < @max ORDER BY n.id LIMIT 200;
            """, reader => (Id: reader.GetInt64(0), Email: reader.GetString(1), Title: reader.GetString(2), Body: reader.GetString(3), Link: reader.GetString(4)),
            cancellationToken, ("@max", MaxAttempts));

        var sent = 0;
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.UseTls, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (options.UserName.Length > 0)
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        foreach (var (id, email, title, body, link) in pending)
        {
            string update;
            try
            {
                using var message = new MailMessage(options.From.Length > 0 ? options.From : "implementatiemonitor@localhost", email, title,
                    body + (link.Length > 0 ? $"\n\nOpenen: {_monitor.Value.PublicBaseUrl.TrimEnd('/')}{link}" : "") + "\n\n— ImplementatieMonitor")
                {
                    SubjectEncoding = System.Text.Encoding.UTF8,
                    BodyEncoding = System.Text.Encoding.UTF8,
                    BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
                };
                await client.SendMailAsync(message, cancellationToken);
                update = "UPDATE notifications SET emailed_at = @now WHERE id = @id;";
                sent++;
            }
            catch (Exception ex) when (ex is SmtpException or InvalidOperationException or IOException or FormatException)
            {
                _logger.LogWarning(ex, "E-mail for notification {Id} failed", id);
                update = "UPDATE notifications SET email_attempts = email_attempts + 1 WHERE id = @id;";
            }

            await connection.ExecuteAsync(null, update, cancellationToken, ("@id", id), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        }

        return sent;
    }
}
