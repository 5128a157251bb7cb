using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Account;

/// <summary>
/// The signed-in person's own answer route to the closing question (issue #16): the held meetings they attended as
/// the group member their account is linked to. Only their own; nothing to pick, so nobody can answer for another.
/// </summary>
public sealed class ReflectionsModel : PageModel
{
    private readonly OwnReflectionStore _own;
    private readonly IStringLocalizer<SharedResource> _t;

    public ReflectionsModel(OwnReflectionStore own, IStringLocalizer<SharedResource> t)
    {
        _own = own;
        _t = t;
    }

    public IReadOnlyList<OwnReflection> Meetings { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Errors { get; private set; }

    public long? SavedMeetingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? opgeslagen, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return Unauthorized();
        }

        SavedMeetingId = opgeslagen;
        Message = opgeslagen is null ? null : _t["OwnReflections.Saved"].Value;
        Meetings = await _own.ListAsync(userId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long meetingId, string? wentWell, string? wentLess, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId)
        {
            return Unauthorized();
        }

        try
        {
            await _own.SaveAsync(userId, meetingId, wentWell ?? "", wentLess ?? "", User.ToActor(), cancellationToken);
            return LocalRedirect($"/mijn-slotvragen?opgeslagen={meetingId}#meeting-{meetingId}");
        }
        catch (ValidationException ex)
        {
            Errors = string.Join('\n', ex.Errors.Select(e => e.Message));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Meetings = await _own.ListAsync(userId, cancellationToken);
            return Page();
        }
    }
}
