using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(Policies.LoginRateLimit)]
public sealed class LoginModel : PageModel
{
    private readonly LoginService _login;
    private readonly DemoAccounts _demo;
    private readonly IStringLocalizer<SharedResource> _t;

    public LoginModel(LoginService login, DemoAccounts demo, IStringLocalizer<SharedResource> t)
    {
        _login = login;
        _demo = demo;
        _t = t;
    }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Message { get; private set; }

    public bool DemoMode { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => DemoMode = await _demo.IsDemoModeAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await _login.CheckAsync(Email, Password, cancellationToken);
        if (!result.Succeeded)
        {
            Message = result.LockedUntil is { } until
                ? string.Format(CultureInfo.CurrentCulture, _t["Login.LockedOut"], UiText.DateTime(until))
                : _t["Login.Invalid"];
            DemoMode = await _demo.IsDemoModeAsync(cancellationToken);
            return Page();
        }

        var principal = new ClaimsPrincipal(MonitorClaims.CreateIdentity(result.Account!, CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        if (result.Account!.MustChangePassword)
        {
            return LocalRedirect("/account?wachtwoord=wijzigen");
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
