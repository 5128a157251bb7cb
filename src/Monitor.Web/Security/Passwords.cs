using Microsoft.AspNetCore.Identity;
using Monitor.Core.Accounts;

namespace Monitor.Web.Security;

/// <summary>ASP.NET Core Identity's PasswordHasher (PBKDF2, salted, versioned) without the rest of Identity.</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<Account> _hasher = new();

    // A real hash of a throwaway password, verified when the e-mail is unknown, so a login attempt takes
    // as long for a non-existent account as for an existing one.
    private readonly string _dummyHash;

    public Passwords() => _dummyHash = _hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(Account? account, string password)
    {
        if (account is null)
        {
            _hasher.VerifyHashedPassword(null!, _dummyHash, password);
            return false;
        }

        return _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
    }
}
