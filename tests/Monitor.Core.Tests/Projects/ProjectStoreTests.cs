using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Projects;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Projects;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class ProjectStoreTests
{
    private readonly DatabaseEngine _engine;

    public ProjectStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static ProjectDraft Draft(string slug = "pilot-tiel") => new()
    {
        Slug = slug,
        Name = "Pilot Samen Beslissen Tiel",
        Organisation = "Gemeente Tiel",
        Innovation = "Samen Beslissen",
        StartDate = new DateOnly(2025, 1, 6),
        EndDate = new DateOnly(2025, 12, 19),
        CurrentPhase = 2,
        Groups =
        [
            new GroupDraft
            {
                Kind = GroupKind.Ontwikkelgroep,
                Name = "Ontwikkelgroep",
                Cadence = "elke 3 weken",
                Members = [new MemberDraft { RoleLabel = "Projectleider", JoinedOn = new DateOnly(2025, 1, 6) }, new MemberDraft { RoleLabel = "Re-integratieprofessional 1" }],
                Meetings =
                [
                    new MeetingDraft { HeldOn = new DateOnly(2025, 2, 3), DurationMinutes = 180, Title = "Werksessie 2" },
                    new MeetingDraft { HeldOn = new DateOnly(2025, 1, 13), DurationMinutes = 180, Title = "Werksessie 1" },
                ],
            },
            new GroupDraft { Kind = GroupKind.Kernteam, Name = "Kernteam", Meetings = [new MeetingDraft { HeldOn = new DateOnly(2025, 3, 1), DatePrecision = DatePrecision.Month }] },
        ],
    };

    [Test]
    public async Task CreatesAProjectWithGroupsMembersAndMeetingsAndReadsItBack()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var id = await db.Projects.CreateAsync(Draft(), Actor.System);
        var project = await db.Projects.FindAsync(id);

        Assert.That(project, Is.Not.Null);
        Assert.That(project!.Name, Is.EqualTo("Pilot Samen Beslissen Tiel"));
        Assert.That(project.IsDemo, Is.False);
        Assert.That(project.CreatedAt, Is.EqualTo(db.Time.GetUtcNow()));
        Assert.That(project.Groups.Select(g => g.Kind), Is.EqualTo(new[] { GroupKind.Ontwikkelgroep, GroupKind.Kernteam }));
        Assert.That(project.Groups[0].Members.Select(m => m.RoleLabel), Is.EqualTo(new[] { "Projectleider", "Re-integratieprofessional 1" }));
        Assert.That(project.Groups[0].Meetings.Select(m => m.Title), Is.EqualTo(new[] { "Werksessie 1", "Werksessie 2" }), "meetings in date order");
        Assert.That(project.Groups[1].Meetings[0].DatePrecision, Is.EqualTo(DatePrecision.Month));
    }

    [Test]
    public async Task ListsSummariesWithMeetingCountsPerGroup()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        await db.Projects.CreateAsync(Draft(), Actor.System);

        var summaries = await db.Projects.ListAsync();

        Assert.That(summaries, Has.Count.EqualTo(1));
        Assert.That(summaries[0].Groups.Select(g => (g.Name, g.MeetingCount, g.MemberCount)),
            Is.EqualTo(new[] { ("Ontwikkelgroep", 2, 2), ("Kernteam", 1, 0) }));
        Assert.That(summaries[0].MeetingCount, Is.EqualTo(3));
        Assert.That(summaries[0].LastMeetingOn, Is.EqualTo(new DateOnly(2025, 3, 1)));
    }

    [Test]
    public async Task FindReturnsNullForAnUnknownId()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        Assert.That(await db.Projects.FindAsync(424242), Is.Null);
    }

    [Test]
    public async Task RefusesAnInvalidDraftWithDutchMessagesAndWritesNothing()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var draft = Draft() with { Name = "", CurrentPhase = 7, EndDate = new DateOnly(2024, 1, 1) };

        var error = Assert.ThrowsAsync<ValidationException>(() => db.Projects.CreateAsync(draft, Actor.System));

        Assert.That(error!.Errors.Select(e => e.Field), Is.EquivalentTo(new[] { "name", "currentPhase", "endDate" }));
        Assert.That(error.Errors.Single(e => e.Field == "name").Message, Is.EqualTo("Vul de projectnaam in."));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM projects;"), Is.Zero);
    }

    [Test]
    public async Task RefusesADuplicateSlugAndKeepsTheFirstProjectIntact()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        await db.Projects.CreateAsync(Draft(), Actor.System);

        var error = Assert.ThrowsAsync<ValidationException>(() => db.Projects.CreateAsync(Draft(), Actor.System));

        Assert.That(error!.Errors.Single().Field, Is.EqualTo("slug"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM projects;"), Is.EqualTo(1));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM meetings;"), Is.EqualTo(3));
    }

    [Test]
    public async Task RollsBackTheWholeProjectWhenALaterRowFails()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        // A trigger makes the database itself refuse the last meeting, after the project, its groups and
        // members were already inserted in the same transaction.
        await db.RefuseInsertsAsync("meetings", "NEW.title = 'Kapot'");

        var draft = Draft() with
        {
            Groups = [.. Draft().Groups, new GroupDraft { Kind = GroupKind.Overig, Name = "Laatste", Meetings = [new MeetingDraft { HeldOn = new DateOnly(2025, 4, 1), Title = "Kapot" }] }],
        };

        Assert.ThrowsAsync(Is.InstanceOf<System.Data.Common.DbException>(), () => db.Projects.CreateAsync(draft, Actor.System));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM projects;"), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM project_groups;"), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM group_members;"), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM meetings;"), Is.Zero);
    }

    [Test]
    public async Task DeletingAProjectRemovesItsGroupsMembersAndMeetings()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var id = await db.Projects.CreateAsync(Draft(), Actor.System);

        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"DELETE FROM projects WHERE id = {id};";
            await command.ExecuteNonQueryAsync();
        }

        Assert.That(await db.ScalarAsync("SELECT count(*) FROM project_groups;"), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM group_members;"), Is.Zero);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM meetings;"), Is.Zero);
    }
}
