using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Meetings;

namespace Monitor.Web.Pages.Meetings;

/// <summary>
/// The short page behind a reflection link: a member answers the closing question without an account. The
/// link only allows adding (and, from the same browser, changing) an answer to that one meeting; it shows no
/// other answers and nothing else of the project.
/// </summary>
[AllowAnonymous]
public sealed class ReflectModel : PageModel
{
    private readonly ReflectionLinkStore _links;

    public ReflectModel(ReflectionLinkStore links) => _links = links;

    public ReflectionLinkContext? Context { get; private set; }

    public string? LinkError { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool Saved { get; private set; }

    public long? MemberId { get; private set; }

    public string WentWell { get; private set; } = "";

    public string WentLess { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, bool opgeslagen, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken))
        {
            return Page();
        }

        Saved = opgeslagen;
        if (ReadCookie() is { } own && await _links.FindOwnAnswerAsync(token, own.MemberId, own.Key, cancellationToken) is { } answer)
        {
            MemberId = own.MemberId;
            WentWell = answer.WentWell;
            WentLess = answer.WentLess;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, long? memberId, string? wentWell, string? wentLess, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken))
        {
            return Page();
        }

        MemberId = memberId;
        WentWell = wentWell ?? "";
        WentLess = wentLess ?? "";
        try
        {
            // an anonymous group's link asks nothing that identifies: the answer is tied to this browser only
            if (Context!.Anonymous)
            {
                memberId = null;
            }
            else if (memberId is null)
            {
                throw new ValidationException([new ValidationError("memberId", "Kies je naam of rol uit de lijst van aanwezigen.")]);
            }

            var own = ReadCookie();
            var result = await _links.AnswerThroughLinkAsync(token, memberId, WentWell, WentLess, own?.MemberId == memberId ? own?.Key : null, cancellationToken);
            var who = memberId?.ToString(CultureInfo.InvariantCulture) ?? AnonymousMarker;
            Response.Cookies.Append(CookieName, $"{who}.{result.EditKey}", new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Strict,
                Secure = Request.IsHttps,
                Path = "/reflectie",
                Expires = Context!.ExpiresAt,
            });
            return LocalRedirect($"/reflectie/{Uri.EscapeDataString(token)}?opgeslagen=true");
        }
        catch (ValidationException ex)
        {
            Errors = [.. ex.Errors.Select(e => e.Message)];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (ReflectionLinkException ex)
        {
            LinkError = ex.Message;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
    }

    private string CookieName => $"im-reflectie-{Context!.MeetingId.ToString(CultureInfo.InvariantCulture)}";

    private async Task<bool> OpenAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            Context = await _links.OpenLinkAsync(token, cancellationToken);
            return true;
        }
        catch (ReflectionLinkException ex)
        {
            LinkError = ex.Message;
            Response.StatusCode = ex.Message.Contains("bestaat niet", StringComparison.Ordinal) ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
            return false;
        }
        catch (ValidationException ex)
        {
            LinkError = ex.Message;
            Response.StatusCode = StatusCodes.Status410Gone;
            return false;
        }
    }

    private const string AnonymousMarker = "a";

    // "<member id>.<edit key>", or "a.<edit key>" for an answer in an anonymous group
    private (long? MemberId, string Key)? ReadCookie()
    {
        var value = Request.Cookies[CookieName];
        var dot = value?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0)
        {
            return null;
        }

        if (value![..dot] == AnonymousMarker)
        {
            return (null, value[(dot + 1)..]);
        }

        return long.TryParse(value[..dot], CultureInfo.InvariantCulture, out var memberId) ? (memberId, value[(dot + 1)..]) : null;
    }
}
