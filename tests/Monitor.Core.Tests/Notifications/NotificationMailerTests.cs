using System.Net.Sockets;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Notifications;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Notifications;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class NotificationMailerTests
{
    private readonly DatabaseEngine _engine;

    public NotificationMailerTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    /// <summary>
    /// A local SMTP sink: speaks just enough SMTP for MailKit and keeps every message it receives. With
    /// <c>advertiseAuth</c> it offers AUTH PLAIN and keeps the credentials it is given. It never offers STARTTLS.
    /// </summary>
    private sealed class SmtpSink : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        private readonly bool _advertiseAuth;

        public SmtpSink(bool advertiseAuth = false)
        {
            _advertiseAuth = advertiseAuth;
            _listener.Start();
            _loop = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string> Messages { get; } = [];

        public List<string> Recipients { get; } = [];

        /// <summary>The decoded AUTH PLAIN answers: "\0user\0password".</summary>
        public List<string> Credentials { get; } = [];

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                try
                {
                    using (client)
                    {
                        var stream = client.GetStream();
                        using var reader = new StreamReader(stream, Encoding.ASCII);
                        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                        await writer.WriteLineAsync("220 sink");
                        while (await reader.ReadLineAsync() is { } line)
                        {
                            var verb = line.Split(' ')[0].ToUpperInvariant();
                            if (verb is "EHLO" or "HELO")
                            {
                                await writer.WriteLineAsync(_advertiseAuth ? "250-sink\r\n250 AUTH PLAIN" : "250 sink");
                            }
                            else if (verb == "AUTH")
                            {
                                var parts = line.Split(' ');
                                if (parts.Length < 3)
                                {
                                    await writer.WriteLineAsync("334 ");
                                }

                                var answer = parts.Length < 3 ? await reader.ReadLineAsync() ?? "" : parts[2];
                                Credentials.Add(Encoding.UTF8.GetString(Convert.FromBase64String(answer)));
                                await writer.WriteLineAsync("235 authenticated");
                            }
                            else if (verb == "RCPT")
                            {
                                Recipients.Add(line);
                                await writer.WriteLineAsync("250 OK");
                            }
                            else if (verb == "DATA")
                            {
                                await writer.WriteLineAsync("354 end with .");
                                var message = new StringBuilder();
                                while (await reader.ReadLineAsync() is { } data && data != ".")
                                {
                                    message.AppendLine(data);
                                }

                                Messages.Add(message.ToString());
                                await writer.WriteLineAsync("250 queued");
                            }
                            else if (verb == "QUIT")
                            {
                                await writer.WriteLineAsync("221 bye");
                                break;
                            }
                            else
                            {
                                await writer.WriteLineAsync("250 OK");
                            }
                        }
                    }
                }
                catch (IOException)
                {
                    // A client that hangs up mid-conversation (a TLS handshake against this plain sink).
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            try
            {
                await _loop;
            }
            catch (ObjectDisposedException)
            {
            }

            _stop.Dispose();
        }
    }

    private static NotificationMailer Mailer(TempDatabase db, SmtpOptions smtp) =>
        new(db.Database, Options.Create(smtp), Options.Create(new MonitorOptions { DatabasePath = db.FilePath, PublicBaseUrl = "https://monitor.example" }), db.Time, NullLogger<NotificationMailer>.Instance);

    [Test]
    public async Task ANotificationIsMailedOnceThroughALocalSmtpSink()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        await using var sink = new SmtpSink();
        var user = await db.Accounts.CreateAsync(new NewAccount { Email = "pl@gemeente.example", DisplayName = "Projectleider", PasswordHash = "x" }, Actor.System);
        var notifications = new NotificationStore(db.Database, db.Time);
        await notifications.AddAsync(user, null, "Over tijd: Training", "Fase 2: gepland in 2026-10.", "/projecten/1/plan", "test:1");
        var mailer = Mailer(db, new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, From = "monitor@gemeente.example" });

        var first = await mailer.SendPendingAsync();
        var second = await mailer.SendPendingAsync();

        Assert.That((first, second), Is.EqualTo((1, 0)));
        Assert.That(sink.Recipients.Single(), Does.Contain("pl@gemeente.example"));
        var message = sink.Messages.Single();
        var parts = message.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", 2);
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].Replace("\n", "", StringComparison.Ordinal).Trim()));
        Assert.That(message, Does.Contain("Subject:"));
        Assert.That(body, Does.Contain("Fase 2: gepland in 2026-10.").And.Contain("https://monitor.example/projecten/1/plan"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM notifications WHERE emailed_at IS NOT NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task WithAUserNameTheSenderAuthenticatesBeforeSending()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        await using var sink = new SmtpSink(advertiseAuth: true);
        var user = await db.Accounts.CreateAsync(new NewAccount { Email = "pl@gemeente.example", DisplayName = "Projectleider", PasswordHash = "x" }, Actor.System);
        await new NotificationStore(db.Database, db.Time).AddAsync(user, null, "Melding", "Tekst", "", "test:3");

        var sent = await Mailer(db, new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, UserName = "monitor", Password = "geheim wachtwoord" }).SendPendingAsync();

        Assert.That(sent, Is.EqualTo(1));
        Assert.That(sink.Credentials, Is.EqualTo(new[] { "\0monitor\0geheim wachtwoord" }));
        Assert.That(sink.Messages, Has.Count.EqualTo(1));
    }

    [TestCase(false, true, Description = "STARTTLS required, the server does not offer it")]
    [TestCase(true, false, Description = "implicit TLS, the server speaks plain SMTP")]
    public async Task ATlsSettingTheServerCannotMeetSendsNothingInTheClearAndIsRetriedLater(bool implicitTls, bool startTls)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        await using var sink = new SmtpSink();
        var user = await db.Accounts.CreateAsync(new NewAccount { Email = "pl@gemeente.example", DisplayName = "Projectleider", PasswordHash = "x" }, Actor.System);
        await new NotificationStore(db.Database, db.Time).AddAsync(user, null, "Melding", "Vertrouwelijk", "", "test:4");

        var sent = await Mailer(db, new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, UseTls = startTls, ImplicitTls = implicitTls }).SendPendingAsync();

        Assert.That(sent, Is.Zero);
        Assert.That(sink.Messages, Is.Empty);
        Assert.That(await db.ScalarAsync("SELECT email_attempts FROM notifications"), Is.EqualTo(1));
    }

    [Test]
    public async Task WithoutSmtpSettingsNothingIsSentAndNothingFailsAndAnUnreachableServerIsRetriedLater()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var user = await db.Accounts.CreateAsync(new NewAccount { Email = "pl@gemeente.example", DisplayName = "Projectleider", PasswordHash = "x" }, Actor.System);
        await new NotificationStore(db.Database, db.Time).AddAsync(user, null, "Melding", "", "", "test:2");

        Assert.That(await Mailer(db, new SmtpOptions()).SendPendingAsync(), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT email_attempts FROM notifications"), Is.Zero);

        // a port nothing listens on
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        Assert.That(await Mailer(db, new SmtpOptions { Host = "127.0.0.1", Port = port }).SendPendingAsync(), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT email_attempts FROM notifications"), Is.EqualTo(1));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM notifications WHERE emailed_at IS NULL"), Is.EqualTo(1), "stays pending for the next run");
    }
}
