using System.Globalization;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Monitor.Core.Data;

namespace Monitor.Core.Notifications;

/// <summary>
/// Sends inbox notifications by e-mail through MailKit when SMTP is configured: each notification once, to its user's
/// address, with the link into the app. A failure is counted and retried on later runs (at most <see cref="MaxAttempts"/>);
/// the notification stays in the inbox either way. When the server cannot be reached, every pending mail counts one
/// failed attempt and the run stops there (instead of waiting for the time-out once per mail).
/// </summary>
public sealed class NotificationMailer
{
    public const int MaxAttempts = 5;
    private const int TimeoutMilliseconds = 30_000;
    private const string Failed = "UPDATE notifications SET email_attempts = email_attempts + 1 WHERE id = @id;";
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
        if (pending.Count == 0)
        {
            return 0;
        }

        using var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        try
        {
            await ConnectAsync(client, options, cancellationToken);
        }
        catch (Exception ex) when (IsMailFailure(ex))
        {
            _logger.LogWarning(ex, "SMTP server {Host}:{Port} not reached; {Count} e-mails wait for the next run", options.Host, options.Port, pending.Count);
            foreach (var item in pending)
            {
                await connection.ExecuteAsync(null, Failed, cancellationToken, ("@id", item.Id));
            }

            return 0;
        }

        var sent = 0;
        foreach (var (id, email, title, body, link) in pending)
        {
            string update;
            try
            {
                if (!client.IsConnected)
                {
                    // The server hung up after an earlier failure: one more try for this mail.
                    await ConnectAsync(client, options, cancellationToken);
                }

                using var message = Message(options.From, _time.GetUtcNow(), email, title, body + (link.Length > 0 ? $"\n\nOpenen: {_monitor.Value.PublicBaseUrl.TrimEnd('/')}{link}" : "") + "\n\n— ImplementatieMonitor");
                await client.SendAsync(message, cancellationToken);
                update = "UPDATE notifications SET emailed_at = @now WHERE id = @id;";
                sent++;
            }
            catch (Exception ex) when (IsMailFailure(ex))
            {
                _logger.LogWarning(ex, "E-mail for notification {Id} failed", id);
                update = Failed;
            }

            await connection.ExecuteAsync(null, update, cancellationToken, ("@id", id), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception ex) when (IsMailFailure(ex))
            {
                // The mails went out; a server that drops the line at QUIT changes nothing.
                _logger.LogDebug(ex, "SMTP QUIT failed");
            }
        }

        return sent;
    }

    /// <summary>Implicit TLS (port 465), STARTTLS that must succeed, or a plain connection; then authentication when a user name is set.</summary>
    private static async Task ConnectAsync(SmtpClient client, SmtpOptions options, CancellationToken cancellationToken)
    {
        var security = options.ImplicitTls ? SecureSocketOptions.SslOnConnect
            : options.UseTls ? SecureSocketOptions.StartTls
            : SecureSocketOptions.None;
        await client.ConnectAsync(options.Host, options.Port, security, cancellationToken);
        if (options.UserName.Length > 0)
        {
            await client.AuthenticateAsync(options.UserName, options.Password, cancellationToken);
        }
    }

    private static MimeMessage Message(string from, DateTimeOffset date, string to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Date = date };
        message.From.Add(MailboxAddress.Parse(from.Length > 0 ? from : "implementatiemonitor@localhost"));
        message.To.Add(MailboxAddress.Parse(to));
        var body = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        body.SetText(Encoding.UTF8, text);
        message.Body = body;
        return message;
    }

    private static bool IsMailFailure(Exception ex) => ex is ProtocolException or CommandException or AuthenticationException or SslHandshakeException
        or SocketException or IOException or TimeoutException or InvalidOperationException or FormatException
        // STARTTLS asked for but not offered by the server: nothing is sent in the clear.
        or NotSupportedException;
}
