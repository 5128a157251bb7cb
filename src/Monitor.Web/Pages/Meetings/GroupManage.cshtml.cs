using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Meetings;

/// <summary>The write actions of the group page: settings, members, scheduling a meeting. Guarded by ManageProject.</summary>
[ProjectPermission(Capability.ManageProject)]
public sealed class GroupManageModel : PageModel
{
    private readonly MeetingStore _meetings;
    private readonly GroupStore _groups;
    private readonly MemberDataStore _memberData;
    private readonly IStringLocalizer<SharedResource> _t;

    public GroupManageModel(MeetingStore meetings, GroupStore groups, MemberDataStore memberData, IStringLocalizer<SharedResource> t)
    {
        _meetings = meetings;
        _groups = groups;
        _memberData = memberData;
        _t = t;
    }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Errors { get; set; }

    public IActionResult OnGet(long id, long groupId) => LocalRedirect($"/projecten/{id}/groepen/{groupId}");

    public async Task<IActionResult> OnPostScheduleAsync(long id, long groupId, string? heldOn, string? startsAt, int? durationMinutes, string? location, string? title, CancellationToken cancellationToken)
    {
        try
        {
            var plan = new MeetingPlan
            {
                HeldOn = ManageModel.ParseDate(heldOn, "heldOn") ?? throw new ValidationException([new ValidationError("heldOn", "Vul de datum in.")]),
                StartsAt = ManageModel.ParseTime(startsAt),
                DurationMinutes = durationMinutes,
                Location = location ?? "",
                Title = title ?? "",
            };
            var meetingId = await _meetings.ScheduleMeetingAsync(id, groupId, plan, User.ToActor(), cancellationToken);
            if (meetingId is null)
            {
                return NotFound();
            }

            Message = _t["Group.Scheduled"].Value;
            return LocalRedirect($"/projecten/{id}/bijeenkomsten/{meetingId}");
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
            return LocalRedirect($"/projecten/{id}/groepen/{groupId}");
        }
    }

    public Task<IActionResult> OnPostSettingsAsync(long id, long groupId, string? name, string? kind, string? purpose, string? cadence, int? cadenceDays, bool reflectionsAnonymous, CancellationToken cancellationToken) =>
        ChangeAsync(id, groupId, () => _groups.UpdateGroupAsync(id, groupId, new GroupSettings
        {
            Kind = Codes.TryParse<GroupKind>(kind, out var k) ? k : throw new ValidationException([new ValidationError("kind", "Kies een soort groep uit de lijst.")]),
            Name = name ?? "",
            Purpose = purpose ?? "",
            Cadence = cadence ?? "",
            CadenceDays = cadenceDays,
            ReflectionsAnonymous = reflectionsAnonymous,
        }, User.ToActor(), cancellationToken));

    public Task<IActionResult> OnPostMemberAsync(long id, long groupId, string? roleLabel, string? organisation, string? joinedOn, long? replacesMemberId, CancellationToken cancellationToken) =>
        ChangeAsync(id, groupId, async () => await _groups.AddMemberAsync(id, groupId, new MemberDraft
        {
            RoleLabel = roleLabel ?? "",
            Organisation = organisation ?? "",
            JoinedOn = ManageModel.ParseDate(joinedOn, "joinedOn"),
        }, replacesMemberId, User.ToActor(), cancellationToken) is not null);

    public Task<IActionResult> OnPostLeaveAsync(long id, long groupId, long memberId, string? leftOn, CancellationToken cancellationToken) =>
        ChangeAsync(id, groupId, () => _groups.SetMemberLeftAsync(id, memberId,
            ManageModel.ParseDate(leftOn, "leftOn") ?? throw new ValidationException([new ValidationError("leftOn", "Vul de datum van vertrek in.")]), User.ToActor(), cancellationToken));

    public Task<IActionResult> OnPostAccountAsync(long id, long groupId, long memberId, long? userId, CancellationToken cancellationToken) =>
        ChangeAsync(id, groupId, () => _memberData.LinkAccountAsync(id, memberId, userId, User.ToActor(), cancellationToken));

    /// <summary>Everything held about one member as a JSON download (AVG inzage), for a member with or without an account.</summary>
    public async Task<IActionResult> OnGetMemberDataAsync(long id, long memberId, CancellationToken cancellationToken) =>
        await _memberData.ExportAsync(id, memberId, cancellationToken) is { } data
            ? File(PersonalDataJson.Serialize(data), "application/json", $"gegevens-lid-{memberId}.json")
            : NotFound();

    private async Task<IActionResult> ChangeAsync(long id, long groupId, Func<Task<bool>> change)
    {
        try
        {
            if (!await change())
            {
                return NotFound();
            }

            Message = _t["Group.Saved"].Value;
        }
        catch (ValidationException ex)
        {
            Errors = string.Join("\n", ex.Errors.Select(e => e.Message));
        }

        return LocalRedirect($"/projecten/{id}/groepen/{groupId}");
    }
}
