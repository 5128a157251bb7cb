using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;

namespace Monitor.Web.Security;

/// <summary>Checks e-mail and password with lockout after repeated failures.</summary>
public sealed class LoginService
{
    private readonly AccountStore _accounts;
    private readonly Passwords _passwords;
    private readonly TimeProvider _time;
    private readonly IOptions<SecurityOptions> _options;

    public LoginService(AccountStore accounts, Passwords passwords, TimeProvider time, IOptions<SecurityOptions> options)
    {
        _accounts = accounts;
        _passwords = passwords;
        _time = time;
        _options = options;
    }

    public async Task<LoginResult> CheckAsync(string? email, string? password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 254 || password.Length > PasswordRules.MaxLength)
        {
            return LoginResult.Invalid;
        }

        var account = await _accounts.FindByEmailAsync(email, cancellationToken);
        var passwordMatches = _passwords.Verify(account, password);
        // Whether an e-mail address has an account must not show: a wrong password gets the same answer whether the
        // account exists, is locked, or was locked by this very attempt. Only the person who knows the password hears
        // that their account is locked and until when.
        if (account is not null && account.IsLockedAt(_time.GetUtcNow()))
        {
            return passwordMatches ? LoginResult.LockedOut(account.LockedUntil!.Value) : LoginResult.Invalid;
        }

        if (!passwordMatches)
        {
            if (account is not null)
            {
                var options = _options.Value;
                await _accounts.RecordFailedLoginAsync(account.Id, options.MaxFailedLogins, TimeSpan.FromMinutes(options.LockoutMinutes), cancellationToken);
            }

            return LoginResult.Invalid;
        }

        await _accounts.RecordSuccessfulLoginAsync(account!.Id, cancellationToken);
        return LoginResult.Success(account);
    }
}
