namespace Monitor.Core.Accounts;

/// <summary>A login account. The password hash is produced and checked by the web app.</summary>
public sealed record Account
{
    public required long Id { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required string PasswordHash { get; init; }
    public required bool IsAdmin { get; init; }
    public required int FailedLogins { get; init; }
    public required DateTimeOffset? LockedUntil { get; init; }
    public required bool MustChangePassword { get; init; }
    public required bool IsDemo { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
