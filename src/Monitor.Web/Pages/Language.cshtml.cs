using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Monitor.Web.Pages;

/// <summary>The language switch: stores the choice in the culture cookie and goes back to the page it came from.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    private static readonly string[] _supported = ["nl", "en"];

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is null || !_supported.Contains(culture))
        {
            return BadRequest();
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });

        // Only local addresses: an open redirect would let a link send users elsewhere after switching.
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
