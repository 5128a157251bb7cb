using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Networks;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Networks;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class GroupGuestStoreTests
{
    private readonly DatabaseEngine _engine;

    public GroupGuestStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");

    private static GuestInvitation NewGuest(string email = "gast@leiden.example") => new()
    {
        Email = email,
        Organisation = "Gemeente Leiden",
        NewAccount = new NewAccount { Email = email, DisplayName = "Projectleider Afwegingskader", PasswordHash = "hash", MustChangePassword = true },
    };

    [Test]
    public async Task AGuestReachesTheirOwnGroupAndItsMeetingsOnly()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var otherGroup = (await db.Groups.CreateGroupAsync(projectId, new Monitor.Core.Meetings.GroupSettings { Kind = Monitor.Core.Projects.GroupKind.Kernteam, Name = "Kernteam" }, _leader))!.Value;
        var ownMeeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 2, 1));
        var otherMeeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, otherGroup, new DateOnly(2026, 2, 2));

        var guestId = await db.Guests.InviteAsync(projectId, groupId, NewGuest(), _leader);
        var account = (await db.Accounts.FindByEmailAsync("gast@leiden.example"))!;

        Assert.That(guestId, Is.Not.Null);
        Assert.That(account.MustChangePassword, Is.True);
        Assert.That(await db.Accounts.GetProjectRolesAsync(account.Id), Is.Empty, "no project role at all");
        Assert.That(await db.Guests.HasAccessAsync(account.Id, projectId, groupId, null), Is.True);
        Assert.That(await db.Guests.HasAccessAsync(account.Id, projectId, null, ownMeeting), Is.True);
        Assert.That(await db.Guests.HasAccessAsync(account.Id, projectId, otherGroup, null), Is.False);
        Assert.That(await db.Guests.HasAccessAsync(account.Id, projectId, null, otherMeeting), Is.False);
        Assert.That(await db.Guests.HasAccessAsync(account.Id, projectId, null, null), Is.False, "nothing else of the project");
        Assert.That((await db.Guests.GroupsOfAsync(account.Id)).Select(g => (g.GroupId, g.Organisation)), Is.EqualTo(new[] { (groupId, "Gemeente Leiden") }));

        Assert.That(await db.Guests.RemoveAsync(projectId, groupId, guestId!.Value, _leader), Is.True);
        Assert.That(await db.Guests.HasAccessAsync(account.Id, projectId, groupId, null), Is.False);
    }

    [Test]
    public async Task AnInvitationIsRefusedWholeAccountIncluded()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "a");
        var (_, otherProjectGroup, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "b");
        var member = await db.Accounts.CreateAsync(new NewAccount { Email = "lid@example.org", DisplayName = "Lid", PasswordHash = "x" }, Actor.System);
        await db.Accounts.SetProjectRoleAsync(member, projectId, ProjectRole.Onderzoeker, Actor.System);
        var accounts = await db.ScalarAsync("SELECT count(*) FROM users");

        Assert.That(await db.Guests.InviteAsync(projectId, otherProjectGroup, NewGuest(), _leader), Is.Null, "a group of another project");
        Assert.ThrowsAsync<ValidationException>(() => db.Guests.InviteAsync(projectId, groupId, NewGuest() with { Organisation = "" }, _leader));
        Assert.ThrowsAsync<ValidationException>(() => db.Guests.InviteAsync(projectId, groupId, NewGuest() with { NewAccount = null }, _leader), "no account and none to make");
        var hasRole = Assert.ThrowsAsync<ValidationException>(() => db.Guests.InviteAsync(projectId, groupId, NewGuest("lid@example.org"), _leader))!;

        Assert.That(hasRole.Message, Does.Contain("al een rol"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM users"), Is.EqualTo(accounts), "no account was left behind");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM group_guests"), Is.EqualTo(0));
    }
}
