using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Account;

/// <summary>One-time setup: creates the first beheerder; answers 404 as soon as any account exists.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Policies.LoginRateLimit)]
public sealed class SetupModel : PageModel
{
    private readonly AccountStore _accounts;
    private readonly Passwords _passwords;

    public SetupModel(AccountStore accounts, Passwords passwords)
    {
        _accounts = accounts;
        _passwords = passwords;
    }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await _accounts.CountAsync(cancellationToken) > 0 ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await _accounts.CountAsync(cancellationToken) > 0)
        {
            return NotFound();
        }

        var errors = AccountStore.ValidateIdentity(Email, DisplayName).Concat(PasswordRules.Validate(Password, Email)).ToList();
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var id = await _accounts.CreateFirstAdminAsync(new NewAccount { Email = Email!, DisplayName = DisplayName!, PasswordHash = _passwords.Hash(Password!) }, cancellationToken);
        return id is null ? NotFound() : LocalRedirect("/inloggen");
    }
}
