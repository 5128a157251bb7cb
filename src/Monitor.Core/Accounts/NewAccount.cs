namespace Monitor.Core.Accounts;

/// <summary>An account as it is created.</summary>
public sealed record NewAccount
{
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required string PasswordHash { get; init; }
    public bool IsAdmin { get; init; }
    public bool MustChangePassword { get; init; }
    public bool IsDemo { get; init; }
}
