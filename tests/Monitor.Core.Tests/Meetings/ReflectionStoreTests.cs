using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Meetings;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Meetings;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ReflectionStoreTests
{
    private readonly DatabaseEngine _engine;

    public ReflectionStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");

    [Test]
    public async Task RefusesAReflectionForAMeetingThatHasNotBeenHeld()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var planned = (await db.Meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = new DateOnly(2026, 12, 10) }, _leader))!.Value;

        var error = Assert.ThrowsAsync<ValidationException>(async () =>
            await db.Reflections.SaveAsync(projectId, planned, new ReflectionInput { MemberId = members[0], WentWell = "Goed" }, "secretaris", _leader));

        Assert.That(error!.Message, Does.Contain("gehouden"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM reflections"), Is.EqualTo(0));
        Assert.ThrowsAsync<ValidationException>(async () => await db.ReflectionLinks.CreateLinkAsync(projectId, planned, TimeSpan.FromDays(7), _leader));
    }

    [Test]
    [Description("issue #26: an anonymous answer keeps no member id in the database, not only on the pages")]
    public async Task AnAnonymousGroupKeepsNoAuthorInTheDatabase()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db, anonymous: true);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        await db.Reflections.SaveAsync(projectId, meeting, new ReflectionInput { MemberId = members[1], WentWell = "Fijne sfeer", WentLess = "Laat begonnen" }, "secretaris", _leader);

        var reflection = (await db.Meetings.FindMeetingAsync(projectId, meeting))!.Reflections.Single();

        Assert.That(reflection.AuthorLabel, Is.Null);
        Assert.That(reflection.MemberId, Is.Null);
        Assert.That(reflection.WentLess, Is.EqualTo("Laat begonnen"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM reflections WHERE member_id IS NULL AND guest_id IS NULL AND anonymous = 1"), Is.EqualTo(1));
    }

    [Test]
    [Description("issue #26: the link of an anonymous group asks nothing that identifies and nobody can overwrite or block another answer")]
    public async Task AnAnonymousLinkAddsAnswersThatOnlyTheirOwnBrowserMayChange()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db, anonymous: true);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 11, 20));
        var link = (await db.ReflectionLinks.CreateLinkAsync(projectId, meeting, TimeSpan.FromDays(14), _leader))!;

        var first = await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, null, "Open gesprek", "", null);
        var second = await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, null, "Goede voorbereiding", "Te lang", null);
        await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, null, "Open gesprek, veel geleerd", "", first.EditKey);
        var stranger = await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, null, "Iemand anders", "", "verkeerde-sleutel");

        Assert.That(await db.ScalarAsync("SELECT count(*) FROM reflections"), Is.EqualTo(3), "a wrong key adds an answer, it never changes another's");
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM reflections WHERE member_id IS NOT NULL OR guest_id IS NOT NULL"), Is.Zero);
        Assert.That((await db.ReflectionLinks.FindOwnAnswerAsync(link.Token, null, first.EditKey))!.WentWell, Is.EqualTo("Open gesprek, veel geleerd"));
        Assert.That((await db.ReflectionLinks.FindOwnAnswerAsync(link.Token, null, second.EditKey))!.WentLess, Is.EqualTo("Te lang"));
        Assert.That(stranger.ReflectionId, Is.Not.EqualTo(first.ReflectionId).And.Not.EqualTo(second.ReflectionId));
    }

    [Test]
    public async Task AMemberAnswersThroughTheLinkAndOnlyTheirKeyMayChangeIt()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 11, 20));
        var link = (await db.ReflectionLinks.CreateLinkAsync(projectId, meeting, TimeSpan.FromDays(14), _leader))!;

        var context = await db.ReflectionLinks.OpenLinkAsync(link.Token);
        var answer = await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, members[2], "Concreet", "", null);
        Assert.ThrowsAsync<ValidationException>(async () => await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, members[2], "Overschreven", "", null));
        Assert.ThrowsAsync<ValidationException>(async () => await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, members[2], "Overschreven", "", "verkeerde-sleutel"));
        await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, members[2], "Concreet en kort", "Te vol", answer.EditKey);

        Assert.That(context.Respondents.Select(r => r.MemberId), Is.EqualTo(members));
        var own = await db.ReflectionLinks.FindOwnAnswerAsync(link.Token, members[2], answer.EditKey);
        Assert.That((own!.WentWell, own.WentLess), Is.EqualTo(("Concreet en kort", "Te vol")));
        Assert.That(await db.ReflectionLinks.FindOwnAnswerAsync(link.Token, members[2], "verkeerde-sleutel"), Is.Null);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM reflections"), Is.EqualTo(1));
        Assert.That(await db.TextAsync("SELECT token_hash FROM reflection_links"), Does.Not.Contain(link.Token));
    }

    [Test]
    public async Task AnExpiredWrongOrRevokedLinkIsRefusedWithAClearMessage()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        using var db = new TempDatabase(time, _engine);
        await db.Migrator.MigrateAsync();
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 11, 20));
        var link = (await db.ReflectionLinks.CreateLinkAsync(projectId, meeting, TimeSpan.FromDays(7), _leader))!;

        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.That((await db.ReflectionLinks.OpenLinkAsync(link.Token)).MeetingId, Is.EqualTo(meeting));
        time.Advance(TimeSpan.FromMinutes(1));

        var expired = Assert.ThrowsAsync<ReflectionLinkException>(async () => await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, members[0], "Goed", "", null));
        Assert.That(expired!.Message, Does.Contain("verlopen"));
        var wrong = Assert.ThrowsAsync<ReflectionLinkException>(async () => await db.ReflectionLinks.OpenLinkAsync(link.Token + "x"));
        Assert.That(wrong!.Message, Does.Contain("bestaat niet"));

        var fresh = (await db.ReflectionLinks.CreateLinkAsync(projectId, meeting, TimeSpan.FromDays(7), _leader))!;
        await db.ReflectionLinks.RevokeLinksAsync(projectId, meeting, _leader);
        var revoked = Assert.ThrowsAsync<ReflectionLinkException>(async () => await db.ReflectionLinks.OpenLinkAsync(fresh.Token));
        Assert.That(revoked!.Message, Does.Contain("ingetrokken"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM reflections"), Is.EqualTo(0));
    }

    [Test]
    public async Task TheLinkOffersOnlyMembersWhoWerePresent()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 11, 20));
        await db.Meetings.SetAttendanceAsync(projectId, meeting, new Dictionary<long, AttendanceStatus>
        {
            [members[0]] = AttendanceStatus.Aanwezig,
            [members[1]] = AttendanceStatus.Afgemeld,
            [members[2]] = AttendanceStatus.Aanwezig,
        }, _leader);
        var link = (await db.ReflectionLinks.CreateLinkAsync(projectId, meeting, TimeSpan.FromDays(7), _leader))!;

        Assert.That((await db.ReflectionLinks.OpenLinkAsync(link.Token)).Respondents.Select(r => r.MemberId), Is.EqualTo(new[] { members[0], members[2] }));
        Assert.ThrowsAsync<ValidationException>(async () => await db.ReflectionLinks.AnswerThroughLinkAsync(link.Token, members[1], "Toch", "", null));
    }

    [Test]
    public async Task AFollowUpBelongsInALaterMeetingOfTheSameGroup()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var first = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        var second = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 22));
        var onlyWell = (await db.Reflections.SaveAsync(projectId, second, new ReflectionInput { MemberId = members[0], WentWell = "Goed" }, "secretaris", _leader))!.Value;
        var less = (await db.Reflections.SaveAsync(projectId, second, new ReflectionInput { MemberId = members[1], WentLess = "Onduidelijk doel" }, "secretaris", _leader))!.Value;

        Assert.ThrowsAsync<ValidationException>(async () => await db.Reflections.RecordFollowUpAsync(projectId, less, first, "Terug in de tijd", _leader));
        Assert.ThrowsAsync<ValidationException>(async () => await db.Reflections.RecordFollowUpAsync(projectId, onlyWell, second, "Niets op te volgen", _leader));
        Assert.ThrowsAsync<ValidationException>(async () => await db.Reflections.RecordFollowUpAsync(projectId, less, second, "", _leader));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM reflection_followups"), Is.EqualTo(0));
    }

    [Test]
    public async Task TheProjectListNamesAuthorsOnlyInNamedGroups()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var anonymousGroup = (await db.Groups.CreateGroupAsync(projectId, new GroupSettings { Kind = Monitor.Core.Projects.GroupKind.Leernetwerk, Name = "Leernetwerk", ReflectionsAnonymous = true }, _leader))!.Value;
        var anonymousMember = (await db.Groups.AddMemberAsync(projectId, anonymousGroup, new Monitor.Core.Projects.MemberDraft { RoleLabel = "Beleidsadviseur X" }, null, _leader))!.Value;
        var named = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        var hidden = await MeetingFixtures.HeldMeetingAsync(db, projectId, anonymousGroup, new DateOnly(2026, 10, 2));
        await db.Reflections.SaveAsync(projectId, named, new ReflectionInput { MemberId = members[1], WentWell = "Goed" }, "secretaris", _leader);
        await db.Reflections.SaveAsync(projectId, hidden, new ReflectionInput { MemberId = anonymousMember, WentLess = "Te kort" }, "secretaris", _leader);

        var rows = await db.Reflections.ListForProjectAsync(projectId);

        Assert.That(rows.Select(r => (r.GroupName, r.Reflection.AuthorLabel)), Is.EqualTo(new (string, string?)[] { ("Ontwikkelgroep", "Re-integratieprofessional 1"), ("Leernetwerk", null) }));
        Assert.That(rows[1].Reflection.MemberId, Is.Null);
    }

    [Test]
    public async Task HtmlInAReflectionIsStoredAsPlainText()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));

        await db.Reflections.SaveAsync(projectId, meeting, new ReflectionInput { MemberId = members[0], WentWell = "<script>alert(1)</script>" }, "secretaris", _leader);

        Assert.That((await db.Meetings.FindMeetingAsync(projectId, meeting))!.Reflections.Single().WentWell, Is.EqualTo("<script>alert(1)</script>"));
    }
}
