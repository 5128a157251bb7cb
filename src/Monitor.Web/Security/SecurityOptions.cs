namespace Monitor.Web.Security;

/// <summary>Login and rate-limit settings, bound from the "Security" section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Failed logins in a row before the account is locked.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Login attempts per client address per minute.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a login lasts without activity.</summary>
    public int SessionHours { get; set; } = 8;
}
