using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Meetings;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class MeetingStoreTests
{
    private readonly DatabaseEngine _engine;

    public MeetingStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");

    [Test]
    [Description("issue #13: renaming a meeting did not re-index it; every write now goes through MeetingWrites")]
    public async Task SearchFindsARenamedMeetingUnderItsNewTitleOnly()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1), "Kwartaaloverleg");
        Assert.That(await db.MeetingQueries.SearchAsync(projectId, "Kwartaaloverleg"), Has.Count.EqualTo(1));

        await db.Meetings.UpdateMeetingAsync(projectId, meeting, new MeetingPlan { HeldOn = new DateOnly(2026, 10, 1), Title = "Zwaluwstaartoverleg", Status = MeetingStatus.Gehouden }, _leader);

        Assert.That((await db.MeetingQueries.SearchAsync(projectId, "Zwaluwstaartoverleg")).Select(h => h.MeetingId), Is.EqualTo(new[] { meeting }));
        Assert.That(await db.MeetingQueries.SearchAsync(projectId, "Kwartaaloverleg"), Is.Empty);
    }

    [Test]
    public async Task TheCalendarRevisionCountsChangesToDateTimePlaceTitleOrStatusOnly()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = (await db.Meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = new DateOnly(2099, 3, 2), Title = "Overleg" }, _leader))!.Value;
        Assert.That(await db.Meetings.CalendarRevisionsAsync(groupId), Is.Empty, "a new meeting is revision 0");

        await db.Meetings.UpdateMeetingAsync(projectId, meeting, new MeetingPlan { HeldOn = new DateOnly(2099, 3, 9), Title = "Overleg" }, _leader);
        await db.Meetings.SaveMinutesAsync(projectId, meeting, "Verslag", _leader);
        await db.Meetings.UpdateMeetingAsync(projectId, meeting, new MeetingPlan { HeldOn = new DateOnly(2099, 3, 9), Title = "Overleg" }, _leader);
        await db.Meetings.UpdateMeetingAsync(projectId, meeting, new MeetingPlan { HeldOn = new DateOnly(2099, 3, 9), Title = "Overleg", Status = MeetingStatus.Geannuleerd }, _leader);

        Assert.That(await db.Meetings.CalendarRevisionsAsync(groupId), Is.EqualTo(new Dictionary<long, int> { [meeting] = 2 }));
    }

    [Test]
    public async Task AMeetingCreatedWithItsProjectIsSearchableAtOnce()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var projectId = await db.Projects.CreateAsync(new ProjectDraft
        {
            Slug = "met-bijeenkomst",
            Name = "Met bijeenkomst",
            Organisation = "Gemeente",
            Innovation = "Werkwijze",
            StartDate = new DateOnly(2026, 1, 1),
            CurrentPhase = 1,
            Groups = [new GroupDraft { Kind = GroupKind.Kernteam, Name = "Kern", Meetings = [new MeetingDraft { HeldOn = new DateOnly(2026, 2, 1), Title = "Startbijeenkomst" }] }],
        }, Actor.System);

        Assert.That(await db.MeetingQueries.SearchAsync(projectId, "startbijeenkomst"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ANewMeetingOpensWithTheLookBackAtThePreviousOne()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var first = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        await db.ActionItems.AddActionItemAsync(projectId, first, "Vragenlijst rondsturen", members[0], new DateOnly(2026, 10, 20), _leader);
        await db.Reflections.SaveAsync(projectId, first, new ReflectionInput { MemberId = members[1], WentWell = "Goede sfeer", WentLess = "Te weinig tijd voor de casus" }, "secretaris", _leader);

        var second = (await db.Meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = new DateOnly(2026, 10, 22), Title = "Sessie 2" }, _leader))!.Value;
        var detail = (await db.Meetings.FindMeetingAsync(projectId, second))!;

        var lookBack = detail.Agenda.Where(a => a.IsLookBack).Select(a => a.Title).ToList();
        Assert.That(lookBack, Has.Count.EqualTo(3));
        Assert.That(lookBack[0], Does.Contain("verslag van 1 oktober 2026"));
        Assert.That(lookBack[1], Does.Contain("openstaande actiepunten (1)"));
        Assert.That(detail.Agenda.Single(a => a.Title.Contains("reflecties", StringComparison.Ordinal)).Notes, Does.Contain("Te weinig tijd voor de casus"));
        Assert.That(detail.Agenda[^1].Title, Does.Contain(MeetingRules.ClosingQuestion));
        Assert.That(detail.CarriedActionItems.Single().Description, Is.EqualTo("Vragenlijst rondsturen"));
        Assert.That(detail.LookBack!.PreviousMeeting.Id, Is.EqualTo(first));
        Assert.That(detail.LookBack.LessAnswers, Is.EqualTo(1));
        Assert.That(detail.LookBack.FollowedUp, Is.EqualTo(0));
        Assert.That(detail.Meeting.Status, Is.EqualTo(MeetingStatus.Gepland));
    }

    [Test]
    public async Task AnActionItemStaysVisibleInEveryFollowingMeetingUntilItIsDone()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var first = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 9, 1));
        var item = (await db.ActionItems.AddActionItemAsync(projectId, first, "Handleiding schrijven", members[1], null, _leader))!.Value;
        var second = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 9, 22));
        var third = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 13));
        await db.ActionItems.SetActionItemStatusAsync(projectId, item, ActionItemStatus.Gedaan, third, _leader);
        var fourth = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 11, 3));

        Assert.That((await db.Meetings.FindMeetingAsync(projectId, second))!.CarriedActionItems.Select(a => a.Id), Is.EqualTo(new[] { item }));
        var inThird = (await db.Meetings.FindMeetingAsync(projectId, third))!.CarriedActionItems.Single();
        Assert.That(inThird.Status, Is.EqualTo(ActionItemStatus.Gedaan));
        Assert.That(inThird.ClosedInMeetingId, Is.EqualTo(third));
        Assert.That((await db.Meetings.FindMeetingAsync(projectId, fourth))!.CarriedActionItems, Is.Empty);
        Assert.That((await db.Groups.FindGroupAsync(projectId, groupId))!.OpenActionItems, Is.Empty);
    }

    [Test]
    public async Task RefusesAttendanceForSomeoneWhoIsNotAMemberAndSavesNothing()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var (_, otherGroup, otherMembers) = await MeetingFixtures.ProjectWithGroupAsync(db, "q");
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));

        var error = Assert.ThrowsAsync<ValidationException>(async () => await db.Meetings.SetAttendanceAsync(projectId, meeting, new Dictionary<long, AttendanceStatus>
        {
            [members[0]] = AttendanceStatus.Aanwezig,
            [otherMembers[0]] = AttendanceStatus.Aanwezig,
        }, _leader));

        Assert.That(error!.Message, Does.Contain("gast"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM meeting_attendance"), Is.EqualTo(0));
        Assert.That(otherGroup, Is.Not.EqualTo(groupId));
    }

    [Test]
    public async Task AMeetingOfAnotherProjectIsNotFound()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var (otherProject, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "q");
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));

        Assert.That(await db.Meetings.FindMeetingAsync(otherProject, meeting), Is.Null);
        Assert.That(await db.Meetings.ScheduleMeetingAsync(otherProject, groupId, new MeetingPlan { HeldOn = new DateOnly(2026, 12, 1) }, _leader), Is.Null);
        Assert.That(await db.Meetings.SaveMinutesAsync(otherProject, meeting, "x", _leader), Is.False);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM meetings"), Is.EqualTo(1));
    }

    [Test]
    public async Task RefusesMinutesOverTheLimitAndKeepsTheOldText()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        await db.Meetings.SaveMinutesAsync(projectId, meeting, "Oud verslag", _leader);

        var error = Assert.ThrowsAsync<ValidationException>(async () => await db.Meetings.SaveMinutesAsync(projectId, meeting, new string('x', MeetingRules.MinutesMaxLength + 1), _leader));

        Assert.That(error!.Message, Does.Contain("te lang"));
        Assert.That((await db.Meetings.FindMeetingAsync(projectId, meeting))!.Meeting.Minutes, Is.EqualTo("Oud verslag"));
    }

    [Test]
    public async Task AReplacementLeavesTheReplacedMemberInTheHistory()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);

        var replacement = await db.Groups.AddMemberAsync(projectId, groupId, new MemberDraft { RoleLabel = "Re-integratieprofessional 3", JoinedOn = new DateOnly(2026, 6, 1) }, members[2], _leader);

        var group = (await db.Groups.FindGroupAsync(projectId, groupId))!;
        var old = group.Members.Single(m => m.Id == members[2]);
        Assert.That(old.LeftOn, Is.EqualTo(new DateOnly(2026, 5, 31)));
        Assert.That(group.Members.Single(m => m.Id == replacement).ReplacesMemberId, Is.EqualTo(members[2]));
        Assert.That(group.Members, Has.Count.EqualTo(4));
    }

    [TestCase("cliënt", "client")]
    [TestCase("client", "cliënt")]
    [TestCase("CLIËNTENRAAD", "cliëntenraad")]
    [TestCase("ideeën", "ideeen")]
    public async Task SearchIgnoresCaseAndDutchDiacritics(string stored, string query)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        await db.Meetings.SaveMinutesAsync(projectId, meeting, $"We spraken over de {stored} en de planning.", _leader);

        var hits = await db.MeetingQueries.SearchAsync(projectId, query);

        Assert.That(hits.Select(h => (h.Kind, h.MeetingId)), Is.EqualTo(new[] { ("notulen", meeting) }));
        Assert.That(hits[0].Snippet, Does.Contain(SearchHit.MarkStart));
    }

    [Test]
    [Description("issue #16: agenda items are edited and reordered, not only deleted; the closing item stays last")]
    public async Task AgendaItemsAreEditedAndMovedWithTheClosingItemLast()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var (otherProject, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "q");
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        var first = (await db.Meetings.AddAgendaItemAsync(projectId, meeting, "Opening", "", _leader))!.Value;
        var second = (await db.Meetings.AddAgendaItemAsync(projectId, meeting, "Casus", "", _leader))!.Value;

        Assert.That(await db.Meetings.UpdateAgendaItemAsync(projectId, meeting, second, "Casus van team Noord", "Tien minuten", _leader), Is.True);
        Assert.That(await db.Meetings.MoveAgendaItemAsync(projectId, meeting, second, -1, _leader), Is.True);
        Assert.That(await db.Meetings.MoveAgendaItemAsync(projectId, meeting, first, 1, _leader), Is.True, "moving the item above the closing one down swaps them");
        Assert.That(await db.Meetings.UpdateAgendaItemAsync(otherProject, meeting, second, "Elders", "", _leader), Is.False, "another project's meeting");
        Assert.That(await db.Meetings.MoveAgendaItemAsync(projectId, meeting, 999_999, 1, _leader), Is.False);
        Assert.ThrowsAsync<ValidationException>(() => db.Meetings.UpdateAgendaItemAsync(projectId, meeting, second, " ", "", _leader));

        var agenda = (await db.Meetings.FindMeetingAsync(projectId, meeting))!.Agenda;
        Assert.That(agenda.Select(a => a.Title).ToList(), Is.EqualTo(new[] { "Casus van team Noord", "Afsluiting: " + MeetingRules.ClosingQuestion, "Opening" }));
        Assert.That(agenda[0].Notes, Is.EqualTo("Tien minuten"));
        Assert.That(agenda.Select(a => a.Position).ToList(), Is.Ordered.Ascending.And.Unique);
        var audit = await db.Audit.ListAsync(projectId, "agendaItem", second);
        Assert.That(audit.Select(a => a.Action), Has.Member("update"));
        Assert.That(audit.First(a => a.Changes.ContainsKey("place")).Changes["place"], Is.EqualTo(new FieldChange("2", "1")));
    }

    [Test]
    [Description("issue #16: a removed agenda item or decision is put back once, from what the audit entry kept")]
    public async Task ARemovedAgendaItemOrDecisionIsRestoredOnce()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var (otherProject, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "q");
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        var item = (await db.Meetings.AddAgendaItemAsync(projectId, meeting, "Casus", "Tien minuten", _leader))!.Value;
        var decision = (await db.Meetings.AddDecisionAsync(projectId, meeting, "Werkinstructie vaststellen", _leader))!.Value;
        Assert.That(await db.Meetings.DeleteChildAsync(projectId, meeting, MeetingChild.AgendaItem, item, _leader), Is.True);
        Assert.That(await db.Meetings.DeleteChildAsync(projectId, meeting, MeetingChild.Decision, decision, _leader), Is.True);

        Assert.That(await db.Meetings.RestoreChildAsync(otherProject, meeting, MeetingChild.AgendaItem, item, _leader), Is.Null, "not from another project");
        Assert.That(await db.Meetings.RestoreChildAsync(projectId, meeting, MeetingChild.AgendaItem, item, _leader), Is.Not.Null);
        Assert.That(await db.Meetings.RestoreChildAsync(projectId, meeting, MeetingChild.Decision, decision, _leader), Is.Not.Null);
        Assert.ThrowsAsync<ValidationException>(() => db.Meetings.RestoreChildAsync(projectId, meeting, MeetingChild.AgendaItem, item, _leader), "only once");
        Assert.ThrowsAsync<ValidationException>(() => db.Meetings.RestoreChildAsync(projectId, meeting, MeetingChild.Decision, item, _leader), "not a removed decision");

        var detail = (await db.Meetings.FindMeetingAsync(projectId, meeting))!;
        var restored = detail.Agenda.Single(a => a.Title == "Casus");
        Assert.That(restored.Notes, Is.EqualTo("Tien minuten"));
        Assert.That(detail.Agenda[^1].Title, Does.StartWith("Afsluiting"), "back in its place, before the closing item");
        Assert.That(detail.Decisions.Select(d => d.Text), Is.EqualTo(new[] { "Werkinstructie vaststellen" }));
        var created = (await db.Audit.ListAsync(projectId, "agendaItem", restored.Id))[0];
        Assert.That(created.Action, Is.EqualTo("create"));
        Assert.That(created.Changes["restoredFrom"].New, Is.Not.Null, "the new entry names the removal it undid (the old id may be handed out again)");
    }

    [Test]
    public async Task SearchFindsAgendaDecisionsActionItemsAndReflectionsOnlyInTheProject()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var (otherProject, otherGroup, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "q");
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        var other = await MeetingFixtures.HeldMeetingAsync(db, otherProject, otherGroup, new DateOnly(2026, 10, 1));
        await db.Meetings.AddAgendaItemAsync(projectId, meeting, "Keuzehulp in Excel", "", _leader);
        await db.Meetings.AddDecisionAsync(projectId, meeting, "De keuzehulp gaat in januari live", _leader);
        await db.ActionItems.AddActionItemAsync(projectId, meeting, "Keuzehulp testen met twee teams", null, null, _leader);
        await db.Reflections.SaveAsync(projectId, meeting, new ReflectionInput { MemberId = members[1], WentWell = "De keuzehulp is duidelijk" }, "secretaris", _leader);
        await db.Meetings.AddDecisionAsync(otherProject, other, "Keuzehulp van een ander project", _leader);

        var kinds = (await db.MeetingQueries.SearchAsync(projectId, "keuzehulp")).Select(h => h.Kind).Order().ToList();

        Assert.That(kinds, Is.EqualTo(new[] { "actiepunt", "agendapunt", "besluit", "reflectie" }));
        Assert.That(await db.MeetingQueries.SearchAsync(projectId, "\" OR * NEAR("), Is.Empty);
    }

    [TestCase("\"keuzehulp", "a lone quote")]
    [TestCase("keuzehulp*", "a star")]
    [TestCase("NEAR(keuzehulp", "NEAR(")]
    [TestCase("(keuzehulp) AND", "brackets and a dangling AND")]
    public async Task SearchSyntaxIsReadAsPlainWords(string query, string what)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, _) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var meeting = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        await db.Meetings.SaveMinutesAsync(projectId, meeting, "De keuzehulp near de andere instrumenten.", _leader);

        var hits = await db.MeetingQueries.SearchAsync(projectId, query);

        Assert.That(hits.Select(h => h.MeetingId), Is.EqualTo(new[] { meeting }), what);
        Assert.That(SearchWords.LooksLikeSyntax(query), Is.True);
    }

    [TestCase("\"")]
    [TestCase("* ( )")]
    public async Task AQueryWithoutWordsIsRefusedWithAReasonInsteadOfAnsweringNothing(string query)
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db);

        var refused = Assert.ThrowsAsync<ValidationException>(async () => await db.MeetingQueries.SearchAsync(projectId, query));

        Assert.That(refused!.Errors.Single().Message, Does.Contain("geen woorden"));
    }

    [Test]
    public async Task FactsCarryAttendanceReflectionsAndTheDateOfTheFollowUp()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (projectId, groupId, members) = await MeetingFixtures.ProjectWithGroupAsync(db);
        var first = await MeetingFixtures.HeldMeetingAsync(db, projectId, groupId, new DateOnly(2026, 10, 1));
        await db.Meetings.SetAttendanceAsync(projectId, first, new Dictionary<long, AttendanceStatus>
        {
            [members[0]] = AttendanceStatus.Aanwezig,
            [members[1]] = AttendanceStatus.Aanwezig,
            [members[2]] = AttendanceStatus.Afgemeld,
        }, _leader);
        var reflection = (await db.Reflections.SaveAsync(projectId, first, new ReflectionInput { MemberId = members[1], WentLess = "Te lang" }, "secretaris", _leader))!.Value;
        var second = (await db.Meetings.ScheduleMeetingAsync(projectId, groupId, new MeetingPlan { HeldOn = new DateOnly(2026, 10, 22) }, _leader))!.Value;
        Assert.That(MeetingMetrics.Compute(await db.MeetingQueries.GetFactsAsync(groupId)).LoopClosureRate, Is.Null);

        await db.Reflections.RecordFollowUpAsync(projectId, reflection, second, "Agenda ingekort tot drie punten", _leader);

        var facts = await db.MeetingQueries.GetFactsAsync(groupId);
        Assert.That(facts.Select(f => f.Status), Is.EqualTo(new[] { MeetingStatus.Gehouden, MeetingStatus.Gepland }));
        Assert.That(facts[0].Attendance.Count(a => a.Status == AttendanceStatus.Aanwezig), Is.EqualTo(2));
        Assert.That(facts[0].Reflections.Single(), Is.EqualTo(new ReflectionFact(reflection, members[1], false, true, new DateOnly(2026, 10, 22))));
        Assert.That(MeetingMetrics.Compute(facts).LoopClosureRate, Is.EqualTo(1.0));
    }
}
