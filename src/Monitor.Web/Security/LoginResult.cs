using Monitor.Core.Accounts;

namespace Monitor.Web.Security;

/// <summary>The outcome of a login attempt; deliberately the same for a wrong e-mail and a wrong password.</summary>
public sealed record LoginResult(Account? Account, DateTimeOffset? LockedUntil)
{
    public static LoginResult Invalid { get; } = new(null, null);

    public static LoginResult Success(Account account) => new(account, null);

    public static LoginResult LockedOut(DateTimeOffset until) => new(null, until);

    public bool Succeeded => Account is not null;
}
