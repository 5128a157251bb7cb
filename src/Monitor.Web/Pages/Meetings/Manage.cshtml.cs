using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Meetings;

/// <summary>
/// The write actions of the meeting page, on a page of their own so the ManageProject policy guards them
/// declaratively. Each posts, saves in one transaction and goes back to the meeting with a message.
/// </summary>
[ProjectPermission(Capability.ManageProject)]
public sealed class ManageModel : ProjectPageModel
{
    private readonly MeetingStore _meetings;
    private readonly ReflectionStore _reflections;
    private readonly ReflectionLinkStore _links;
    private readonly ActionItemStore _actions;

    public ManageModel(ProjectStore projects, MeetingStore meetings, ReflectionStore reflections, ReflectionLinkStore links, ActionItemStore actions) : base(projects)
    {
        _meetings = meetings;
        _reflections = reflections;
        _links = links;
        _actions = actions;
    }

    [TempData]
    public string? NewLink { get; set; }

    /// <summary>What was just removed and can be put back ("agenda:12", "decision:7"); shown once with an undo button.</summary>
    [TempData]
    public string? Undo { get; set; }

    public IActionResult OnGet(long id, long meetingId) => Back(id, meetingId);

    public Task<IActionResult> OnPostDetailsAsync(long id, long meetingId, string? heldOn, string? startsAt, int? durationMinutes, string? location, string? title, string? status, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, async () =>
        {
            var input = new FieldParser();
            var date = input.RequiredDate(heldOn, "heldOn", "de datum van de bijeenkomst");
            var time = input.Time(startsAt, "startsAt", "het begin");
            var parsed = input.Code<MeetingStatus>(status, "status", "status");
            if (parsed is null && !input.HasErrors)
            {
                input.Add("status", "Kies gepland, gehouden of geannuleerd.");
            }

            input.ThrowIfAny();
            var plan = new MeetingPlan { HeldOn = date!.Value, StartsAt = time, DurationMinutes = durationMinutes, Location = location ?? "", Title = title ?? "", Status = parsed!.Value };
            return await _meetings.UpdateMeetingAsync(id, meetingId, plan, User.ToActor(), cancellationToken);
        }, "Meeting.Saved");

    public Task<IActionResult> OnPostApproveAsync(long id, long meetingId, long previousId, bool approved, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, () => _meetings.SetMinutesApprovedAsync(id, previousId, approved, User.ToActor(), cancellationToken), "Meeting.Saved", "lookback");

    public Task<IActionResult> OnPostAttendanceAsync(long id, long meetingId, Dictionary<long, string>? attendance, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, async () =>
        {
            var parsed = new Dictionary<long, AttendanceStatus>();
            foreach (var (memberId, code) in attendance ?? [])
            {
                parsed[memberId] = Codes.TryParse<AttendanceStatus>(code, out var s) ? s
                    : throw new ValidationException([new ValidationError("attendance", "Kies aanwezig, afgemeld of afwezig.")]);
            }

            return await _meetings.SetAttendanceAsync(id, meetingId, parsed, User.ToActor(), cancellationToken);
        }, "Meeting.AttendanceSaved", "attendance");

    public Task<IActionResult> OnPostGuestAsync(long id, long meetingId, string? name, string? organisation, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, async () => await _meetings.AddGuestAsync(id, meetingId, name ?? "", organisation ?? "", User.ToActor(), cancellationToken) is not null, "Meeting.Saved", "attendance");

    public Task<IActionResult> OnPostAgendaAsync(long id, long meetingId, string? title, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, async () => await _meetings.AddAgendaItemAsync(id, meetingId, title ?? "", "", User.ToActor(), cancellationToken) is not null, "Meeting.Saved", "agenda");

    public Task<IActionResult> OnPostDecisionAsync(long id, long meetingId, string? text, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, async () => await _meetings.AddDecisionAsync(id, meetingId, text ?? "", User.ToActor(), cancellationToken) is not null, "Meeting.Saved", "decisions");

    public Task<IActionResult> OnPostRemoveGuestAsync(long id, long meetingId, long childId, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, () => _meetings.DeleteChildAsync(id, meetingId, MeetingChild.Guest, childId, User.ToActor(), cancellationToken), "Meeting.Removed", "attendance");

    public Task<IActionResult> OnPostEditAgendaAsync(long id, long meetingId, long childId, string? title, string? notes, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, () => _meetings.UpdateAgendaItemAsync(id, meetingId, childId, title ?? "", notes ?? "", User.ToActor(), cancellationToken), "Meeting.Saved", "agenda");

    public Task<IActionResult> OnPostMoveAgendaAsync(long id, long meetingId, long childId, string? direction, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, () => _meetings.MoveAgendaItemAsync(id, meetingId, childId, direction == "omhoog" ? -1 : 1, User.ToActor(), cancellationToken), "Agenda.Moved", "agenda");

    public Task<IActionResult> OnPostRemoveAgendaAsync(long id, long meetingId, long childId, CancellationToken cancellationToken) =>
        RemoveAsync(id, meetingId, MeetingChild.AgendaItem, childId, "agenda", cancellationToken);

    public Task<IActionResult> OnPostRemoveDecisionAsync(long id, long meetingId, long childId, CancellationToken cancellationToken) =>
        RemoveAsync(id, meetingId, MeetingChild.Decision, childId, "decisions", cancellationToken);

    /// <summary>Undoes the removal named by the undo button (see <see cref="Undo"/>).</summary>
    public Task<IActionResult> OnPostRestoreAsync(long id, long meetingId, string? kind, long childId, CancellationToken cancellationToken) =>
        kind switch
        {
            "agenda" => ChangeAsync(id, meetingId, async () => await _meetings.RestoreChildAsync(id, meetingId, MeetingChild.AgendaItem, childId, User.ToActor(), cancellationToken) is not null, "Meeting.Restored", "agenda"),
            "decision" => ChangeAsync(id, meetingId, async () => await _meetings.RestoreChildAsync(id, meetingId, MeetingChild.Decision, childId, User.ToActor(), cancellationToken) is not null, "Meeting.Restored", "decisions"),
            _ => Task.FromResult<IActionResult>(NotFound()),
        };

    public Task<IActionResult> OnPostMinutesAsync(long id, long meetingId, string? minutes, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, () => _meetings.SaveMinutesAsync(id, meetingId, minutes ?? "", User.ToActor(), cancellationToken), "Meeting.MinutesSaved", "minutes");

    public Task<IActionResult> OnPostActionAsync(long id, long meetingId, string? description, long? ownerMemberId, string? dueOn, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, async () =>
        {
            var input = new FieldParser();
            var due = input.Date(dueOn, "dueOn", "de uiterste datum");
            input.ThrowIfAny();
            return await _actions.AddActionItemAsync(id, meetingId, description ?? "", ownerMemberId, due, User.ToActor(), cancellationToken) is not null;
        }, "Meeting.Saved", "actions");

    public Task<IActionResult> OnPostActionStatusAsync(long id, long meetingId, long actionItemId, string? status, string? anchor, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, async () =>
        {
            var parsed = Codes.TryParse<ActionItemStatus>(status, out var s) ? s : throw new ValidationException([new ValidationError("status", "Kies open, gedaan of vervallen.")]);
            return await _actions.SetActionItemStatusAsync(id, actionItemId, parsed, meetingId, User.ToActor(), cancellationToken);
        }, "Meeting.Saved", Section(anchor));

    public Task<IActionResult> OnPostReflectionAsync(long id, long meetingId, string? who, string? wentWell, string? wentLess, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, async () =>
        {
            var input = new ReflectionInput { WentWell = wentWell ?? "", WentLess = wentLess ?? "" };
            input = who switch
            {
                ['m', .. var member] when long.TryParse(member, CultureInfo.InvariantCulture, out var memberId) => input with { MemberId = memberId },
                ['g', .. var guest] when long.TryParse(guest, CultureInfo.InvariantCulture, out var guestId) => input with { GuestId = guestId },
                _ => throw new ValidationException([new ValidationError("who", "Kies wie de reflectie geeft.")]),
            };
            return await _reflections.SaveAsync(id, meetingId, input, "secretaris", User.ToActor(), cancellationToken) is not null;
        }, "Reflection.Saved", "reflections");

    public Task<IActionResult> OnPostRemoveReflectionAsync(long id, long meetingId, long reflectionId, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, () => _reflections.DeleteAsync(id, reflectionId, User.ToActor(), cancellationToken), "Meeting.Removed", "reflections");

    public Task<IActionResult> OnPostFollowUpAsync(long id, long meetingId, long reflectionId, string? text, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, () => _reflections.RecordFollowUpAsync(id, reflectionId, meetingId, text ?? "", User.ToActor(), cancellationToken), "Reflection.FollowUpSaved", "lookback");

    public Task<IActionResult> OnPostLinkAsync(long id, long meetingId, int? validDays, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, async () =>
        {
            var link = await _links.CreateLinkAsync(id, meetingId, TimeSpan.FromDays(validDays ?? 14), User.ToActor(), cancellationToken);
            if (link is null)
            {
                return false;
            }

            NewLink = $"{Request.Scheme}://{Request.Host}/reflectie/{link.Token}";
            return true;
        }, "Reflection.LinkSaved", "reflections");

    public Task<IActionResult> OnPostRevokeAsync(long id, long meetingId, CancellationToken cancellationToken) =>
        ChangeAsync(id, meetingId, () => _links.RevokeLinksAsync(id, meetingId, User.ToActor(), cancellationToken), "Reflection.LinksRevoked", "reflections");

    /// <summary>
    /// Saves and returns to the section just saved (its heading's id), not to the top of a long page, and to the compact
    /// "during the meeting" view when the form was posted from there.
    /// </summary>
    private Task<IActionResult> ChangeAsync(long id, long meetingId, Func<Task<bool>> change, string messageKey, string? section = null) =>
        ChangeAsync(change, messageKey, $"/projecten/{id}/bijeenkomsten/{meetingId}" + (Request.Query["modus"] == MeetingModel.CompactMode ? "?modus=" + MeetingModel.CompactMode : "")
            + (section is null ? "" : "#" + section));

    // A removed agenda item or decision can be put back once: the confirmation carries an undo button.
    private async Task<IActionResult> RemoveAsync(long id, long meetingId, MeetingChild kind, long childId, string section, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(id, meetingId, () => _meetings.DeleteChildAsync(id, meetingId, kind, childId, User.ToActor(), cancellationToken), "Meeting.Removed", section);
        if (Errors is null && result is LocalRedirectResult)
        {
            Undo = (kind == MeetingChild.AgendaItem ? "agenda:" : "decision:") + childId.ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    // The action items show in two sections; the form says which one, and only these two are taken.
    private static string Section(string? anchor) => anchor == "actions-open" ? "actions-open" : "actions";

    private LocalRedirectResult Back(long id, long meetingId) => LocalRedirect($"/projecten/{id}/bijeenkomsten/{meetingId}");
}
