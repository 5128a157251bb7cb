using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Core.Networks;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Meetings;

/// <summary>The write actions of the group page: settings, members, guests from other organisations, scheduling a meeting. Guarded by ManageProject.</summary>
[ProjectPermission(Capability.ManageProject)]
public sealed class GroupManageModel : ProjectPageModel
{
    private readonly MeetingStore _meetings;
    private readonly GroupStore _groups;
    private readonly MemberDataStore _memberData;
    private readonly GroupGuestStore _guests;
    private readonly Passwords _passwords;

    public GroupManageModel(ProjectStore projects, MeetingStore meetings, GroupStore groups, MemberDataStore memberData, GroupGuestStore guests, Passwords passwords) : base(projects)
    {
        _guests = guests;
        _passwords = passwords;
        _meetings = meetings;
        _groups = groups;
        _memberData = memberData;
    }

    public IActionResult OnGet(long id, long groupId) => LocalRedirect($"/projecten/{id}/groepen/{groupId}");

    public async Task<IActionResult> OnPostScheduleAsync(long id, long groupId, string? heldOn, string? startsAt, int? durationMinutes, string? location, string? title, CancellationToken cancellationToken)
    {
        long? meetingId = null;
        var result = await ChangeAsync(async () =>
        {
            var input = new FieldParser();
            var date = input.RequiredDate(heldOn, "heldOn", "de datum van de bijeenkomst");
            var time = input.Time(startsAt, "startsAt", "het begin");
            input.ThrowIfAny();
            var plan = new MeetingPlan { HeldOn = date!.Value, StartsAt = time, DurationMinutes = durationMinutes, Location = location ?? "", Title = title ?? "" };
            meetingId = await _meetings.ScheduleMeetingAsync(id, groupId, plan, User.ToActor(), cancellationToken);
            return meetingId is not null;
        }, "Group.Scheduled", Back(id, groupId));

        // a scheduled meeting opens on its own page; a refused one stays on the group with the messages
        return meetingId is { } created ? LocalRedirect($"/projecten/{id}/bijeenkomsten/{created}") : result;
    }

    public Task<IActionResult> OnPostSettingsAsync(long id, long groupId, string? name, string? kind, string? purpose, string? cadence, int? cadenceDays, bool reflectionsAnonymous, CancellationToken cancellationToken) =>
        ChangeAsync(() =>
        {
            var input = new FieldParser();
            var parsed = input.Code<GroupKind>(kind, "kind", "soort groep");
            if (parsed is null && !input.HasErrors)
            {
                input.Add("kind", "Kies een soort groep uit de lijst.");
            }

            input.ThrowIfAny();
            return _groups.UpdateGroupAsync(id, groupId, new GroupSettings
            {
                Kind = parsed!.Value,
                Name = name ?? "",
                Purpose = purpose ?? "",
                Cadence = cadence ?? "",
                CadenceDays = cadenceDays,
                ReflectionsAnonymous = reflectionsAnonymous,
            }, User.ToActor(), cancellationToken);
        }, "Group.Saved", Back(id, groupId));

    public Task<IActionResult> OnPostMemberAsync(long id, long groupId, string? roleLabel, string? organisation, string? joinedOn, long? replacesMemberId, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            var input = new FieldParser();
            var joined = input.Date(joinedOn, "joinedOn", "de datum van instappen");
            input.ThrowIfAny();
            return await _groups.AddMemberAsync(id, groupId, new MemberDraft { RoleLabel = roleLabel ?? "", Organisation = organisation ?? "", JoinedOn = joined }, replacesMemberId, User.ToActor(), cancellationToken) is not null;
        }, "Group.Saved", Back(id, groupId));

    public Task<IActionResult> OnPostLeaveAsync(long id, long groupId, long memberId, string? leftOn, CancellationToken cancellationToken) =>
        ChangeAsync(() =>
        {
            var input = new FieldParser();
            var left = input.RequiredDate(leftOn, "leftOn", "de datum van vertrek");
            input.ThrowIfAny();
            return _groups.SetMemberLeftAsync(id, memberId, left!.Value, User.ToActor(), cancellationToken);
        }, "Group.Saved", Back(id, groupId));

    public Task<IActionResult> OnPostAccountAsync(long id, long groupId, long memberId, long? userId, CancellationToken cancellationToken) =>
        ChangeAsync(() => _memberData.LinkAccountAsync(id, memberId, userId, User.ToActor(), cancellationToken), "Group.Saved", Back(id, groupId));

    /// <summary>
    /// Invites a person from another organisation into this group only: an existing account by its e-mail address, or a new
    /// account with a temporary password that must be changed at the first login (as accounts made by the beheerder).
    /// </summary>
    public Task<IActionResult> OnPostInviteGuestAsync(long id, long groupId, string? email, string? organisation, string? displayName, string? password, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            NewAccount? account = null;
            if (!string.IsNullOrEmpty(password))
            {
                var errors = AccountStore.ValidateIdentity(email, displayName).Concat(PasswordRules.Validate(password, email)).ToList();
                Checks.ThrowIfAny(errors);
                account = new NewAccount { Email = email!.Trim(), DisplayName = displayName!.Trim(), PasswordHash = _passwords.Hash(password), MustChangePassword = true };
            }

            return await _guests.InviteAsync(id, groupId, new GuestInvitation { Email = email ?? "", Organisation = organisation ?? "", NewAccount = account }, User.ToActor(), cancellationToken) is null
                ? null
                : email!.Trim();
        }, "Guests.Invited", Back(id, groupId));

    public Task<IActionResult> OnPostRemoveGuestAsync(long id, long groupId, long guestId, CancellationToken cancellationToken) =>
        ChangeAsync(() => _guests.RemoveAsync(id, groupId, guestId, User.ToActor(), cancellationToken), "Guests.Removed", Back(id, groupId));

    /// <summary>Everything held about one member as a JSON download (AVG inzage), for a member with or without an account.</summary>
    public async Task<IActionResult> OnGetMemberDataAsync(long id, long memberId, CancellationToken cancellationToken) =>
        await _memberData.ExportAsync(id, memberId, cancellationToken) is { } data
            ? File(PersonalDataJson.Serialize(data), "application/json", $"gegevens-lid-{memberId}.json")
            : NotFound();

    private static string Back(long id, long groupId) => $"/projecten/{id}/groepen/{groupId}";
}
