namespace Monitor.Core.Notifications;

/// <summary>
/// E-mail settings (section "Smtp"). Without a host the tool keeps notifications in the inbox only — never an error.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS: the connection starts plain and must be upgraded to TLS before anything is sent (port 587 or 25).</summary>
    public bool UseTls { get; set; }

    /// <summary>Implicit TLS: TLS from the first byte (SMTPS, port 465). Wins over <see cref="UseTls"/>.</summary>
    public bool ImplicitTls { get; set; }

    public string From { get; set; } = "";

    /// <summary>With a user name the sender authenticates (with <see cref="Password"/>); without one it does not.</summary>
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
