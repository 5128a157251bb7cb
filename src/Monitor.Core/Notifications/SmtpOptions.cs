namespace Monitor.Core.Notifications;

/// <summary>
/// E-mail settings (section "Smtp"). Without a host the tool keeps notifications in the inbox only — never an error.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS/TLS to the SMTP server.</summary>
    public bool UseTls { get; set; }

    public string From { get; set; } = "";

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
