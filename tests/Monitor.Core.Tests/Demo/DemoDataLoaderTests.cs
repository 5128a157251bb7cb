using System.Text.RegularExpressions;
using Monitor.Core.Data;
using Monitor.Core.Demo;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Demo;

public sealed class DemoDataLoaderTests
{
    [Test]
    public async Task LoadsBothSeedProjectsIntoAnEmptyDatabase()
    {
        using var db = await TempDatabase.MigratedAsync();

        var loaded = await db.Demo.LoadIfEmptyAsync();
        var projects = await db.Projects.ListAsync();

        Assert.That(loaded, Is.True);
        Assert.That(projects.Select(p => p.Slug), Is.EquivalentTo(new[] { "samen-beslissen-arnhem", "keuzehulp-werkzaak" }));
        Assert.That(projects, Has.All.Matches<ProjectSummary>(p => p.IsDemo));
    }

    [Test]
    public async Task LoadsExactlyOnce()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();
        var meetings = await db.ScalarAsync("SELECT count(*) FROM meetings;");

        var second = await db.Demo.LoadIfEmptyAsync();

        Assert.That(second, Is.False);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM projects;"), Is.EqualTo(2));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM meetings;"), Is.EqualTo(meetings));
    }

    [Test]
    public async Task DoesNotComeBackAfterTheDemoProjectsWereDeleted()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();
        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM projects;";
            await command.ExecuteNonQueryAsync();
        }

        Assert.That(await db.Demo.LoadIfEmptyAsync(), Is.False);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM projects;"), Is.Zero);
    }

    [Test]
    public async Task IsNotLoadedIntoADatabaseThatAlreadyHasProjects()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Projects.CreateAsync(new ProjectDraft { Slug = "eigen", Name = "Eigen project", Organisation = "Gemeente X", Innovation = "Y", StartDate = new DateOnly(2026, 1, 1), CurrentPhase = 0 }, Actor.System);

        Assert.That(await db.Demo.LoadIfEmptyAsync(), Is.False);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM projects;"), Is.EqualTo(1));
    }

    [Test]
    public async Task ResetReplacesTheDemoProjectsAndKeepsRealOnes()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();
        await db.Projects.CreateAsync(new ProjectDraft { Slug = "eigen", Name = "Eigen project", Organisation = "Gemeente X", Innovation = "Y", StartDate = new DateOnly(2026, 1, 1), CurrentPhase = 0 }, Actor.System);
        await using (var connection = await db.Database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM meetings WHERE group_id IN (SELECT g.id FROM project_groups g JOIN projects p ON p.id = g.project_id WHERE p.slug = 'keuzehulp-werkzaak');";
            await command.ExecuteNonQueryAsync();
        }

        var loaded = await db.Demo.ResetAsync();

        Assert.That(loaded, Is.EqualTo(2));
        var projects = await db.Projects.ListAsync();
        Assert.That(projects.Select(p => p.Slug), Is.EquivalentTo(new[] { "samen-beslissen-arnhem", "keuzehulp-werkzaak", "eigen" }));
        Assert.That(projects.Single(p => p.Slug == "keuzehulp-werkzaak").MeetingCount, Is.GreaterThan(100));
    }

    [Test]
    public async Task ReconstructsTheKeuzehulpMeetingCountsFromTheProcessReport()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();

        var keuzehulp = (await db.Projects.ListAsync()).Single(p => p.Slug == "keuzehulp-werkzaak");
        var project = await db.Projects.FindAsync(keuzehulp.Id);

        var counts = keuzehulp.Groups.ToDictionary(g => g.Kind, g => g.MeetingCount);
        Assert.That(counts[GroupKind.Ontwikkelteam], Is.EqualTo(18));
        Assert.That(counts[GroupKind.Veranderteam], Is.EqualTo(7));
        Assert.That(counts[GroupKind.Leernetwerk], Is.EqualTo(3));
        Assert.That(keuzehulp.Groups.Single(g => g.Kind == GroupKind.Kernteam).Cadence, Is.EqualTo("wekelijks"));
        var ot = project!.Groups.Single(g => g.Kind == GroupKind.Ontwikkelteam).Meetings;
        Assert.That(ot[0].HeldOn, Is.EqualTo(new DateOnly(2019, 6, 6)));
        Assert.That(ot[^1].HeldOn, Is.EqualTo(new DateOnly(2021, 1, 26)));
        var vtMonths = project.Groups.Single(g => g.Kind == GroupKind.Veranderteam).Meetings.Select(m => m.HeldOn.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(vtMonths, Is.EqualTo(new[] { "2019-07", "2019-10", "2020-01", "2020-09", "2020-10", "2020-12", "2021-01" }));
    }

    [Test]
    public async Task LinksTheThreeOntwikkelteamReplacementsOfSeed003ToTheMembersTheyReplaced()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();

        var summary = (await db.Projects.ListAsync()).Single(p => p.Slug == "keuzehulp-werkzaak");
        var members = (await db.Projects.FindAsync(summary.Id))!.Groups.Single(g => g.Kind == GroupKind.Ontwikkelteam).Members;
        string? Replaced(string role) => members.SingleOrDefault(m => m.Id == members.Single(n => n.RoleLabel == role).ReplacesMemberId)?.RoleLabel;

        Assert.That(Replaced("Werkcoach 5"), Is.EqualTo("Werkcoach 2"));
        Assert.That(Replaced("Werkcoach 6"), Is.EqualTo("Werkcoach 3"));
        Assert.That(Replaced("Praktijkbegeleider 5"), Is.EqualTo("Praktijkbegeleider 3"));
        Assert.That(members.Count(m => m.ReplacesMemberId is not null), Is.EqualTo(3));
    }

    [Test]
    public async Task ReconstructsTheSamenBeslissenDevelopmentGroup()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();

        var summary = (await db.Projects.ListAsync()).Single(p => p.Slug == "samen-beslissen-arnhem");
        var group = (await db.Projects.FindAsync(summary.Id))!.Groups.Single(g => g.Kind == GroupKind.Ontwikkelgroep);

        Assert.That(group.Members.Count(m => m.RoleLabel.StartsWith("Re-integratieprofessional", StringComparison.Ordinal)), Is.EqualTo(7));
        Assert.That(group.Members.Count(m => m.RoleLabel == "Projectleider"), Is.EqualTo(1));
        Assert.That(group.Members.Count(m => m.RoleLabel.StartsWith("Onderzoeker", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(group.Meetings, Has.All.Matches<MeetingSummary>(m => m.DurationMinutes == 180));
        var gaps = group.Meetings.Zip(group.Meetings.Skip(1), (a, b) => b.HeldOn.DayNumber - a.HeldOn.DayNumber).Distinct();
        Assert.That(gaps, Is.EqualTo(new[] { 21 }), "every three weeks");
    }

    [Test]
    public async Task LoadsTheDemoPlansWithTheirGoalsAndOverdueActivities()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();
        var projects = await db.Projects.ListAsync();

        var keuzehulp = await db.PlanStore.FindPlanAsync(projects.Single(p => p.Slug == "keuzehulp-werkzaak").Id);
        var arnhem = await db.PlanStore.FindPlanAsync(projects.Single(p => p.Slug == "samen-beslissen-arnhem").Id);
        var scores = Monitor.Core.Planning.PlanScoring.Score(keuzehulp!, new DateOnly(2021, 6, 15));

        Assert.That(keuzehulp!.Activities, Has.Count.EqualTo(17));
        Assert.That(scores.Sum(s => s.Overdue), Is.EqualTo(2), "the two communication activities of phase 1 are late in June 2021");
        Assert.That(scores.Sum(s => s.Cancelled), Is.EqualTo(1));
        Assert.That(arnhem!.Goals.Select(g => g.Phase), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5 }), "Arnhem worked with goals per phase");
    }

    [Test]
    public void DemoPlansNameRolesNotPeople()
    {
        var text = System.Text.Json.JsonSerializer.Serialize(DemoDataLoader.ReadDemoPlans());
        string[] realNames = ["Willems", "Wassen", "Bijl", "Kersten", "Hazelzet", "Otten", "Vooijs", "Kesteren", "Nancy", "Joyce", "Wilma", "Astrid", "Rik"];

        foreach (var name in realNames)
        {
            Assert.That(Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b"), Is.False, $"demo plans mention '{name}'");
        }
    }

    [Test]
    public void DemoDataNamesRolesNotPeople()
    {
        var text = System.Text.Json.JsonSerializer.Serialize(DemoDataLoader.ReadDemoProjects());
        // The people named in the seed documents; demo data must use role labels instead.
        string[] realNames = ["Willems", "Wassen", "Bijl", "van der Wal", "Kersten", "Hazelzet", "Otten", "Vooijs", "Kesteren", "Nancy", "Joyce", "Wilma", "Astrid", "Marloes", "Nicole", "Joke", "Jaap"];

        foreach (var name in realNames)
        {
            Assert.That(Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b"), Is.False, $"demo data mentions '{name}'");
        }
    }

    [Test]
    public async Task LoadsMinutesReflectionsAndFollowUpsForTheSeedMeetings()
    {
        using var db = await TempDatabase.MigratedAsync();
        await db.Demo.LoadIfEmptyAsync();
        var projects = await db.Projects.ListAsync();
        var keuzehulp = projects.Single(p => p.Slug == "keuzehulp-werkzaak").Id;
        var arnhem = projects.Single(p => p.Slug == "samen-beslissen-arnhem").Id;
        var groups = (await db.Groups.ListGroupsAsync(keuzehulp))!;
        var ot = groups.Single(g => g.Name == "Ontwikkelteam");

        var metrics = Monitor.Core.Meetings.MeetingMetrics.Compute(await db.MeetingQueries.GetFactsAsync(ot.Id));
        var arnhemGroup = (await db.Groups.ListGroupsAsync(arnhem))!.Single();

        Assert.That(metrics.Meetings, Has.Count.EqualTo(18));
        Assert.That(metrics.LoopClosureRate, Is.GreaterThan(0.7).And.LessThan(1.0), "most, not all, 'minder gewerkt' answers were followed up");
        Assert.That(metrics.AttendanceRate, Is.GreaterThan(0.6).And.LessThan(1.0));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM meetings WHERE minutes <> ''"), Is.EqualTo(45));
        Assert.That(arnhemGroup.ReflectionsAnonymous, Is.True);
        Assert.That(arnhemGroup.CadenceDays, Is.EqualTo(21));
        Assert.That((await db.MeetingQueries.SearchAsync(keuzehulp, "corona")).Count + (await db.MeetingQueries.SearchAsync(keuzehulp, "online")).Count, Is.GreaterThan(0));
    }

    [Test]
    public void DemoMeetingsNameRolesNotPeople()
    {
        using var stream = typeof(DemoDataLoader).Assembly.GetManifestResourceStream("Monitor.Core.Demo.demo-meetings.json")!;
        var text = new StreamReader(stream).ReadToEnd();
        string[] realNames = ["Willems", "Wassen", "Bijl", "van der Wal", "Kersten", "Hazelzet", "Otten", "Vooijs", "Kesteren", "Nancy", "Joyce", "Wilma", "Astrid", "Marloes", "Nicole", "Joke", "Jaap", "Rik"];

        foreach (var name in realNames)
        {
            Assert.That(Regex.IsMatch(text, $@"\b{Regex.Escape(name)}\b"), Is.False, $"demo meetings mention '{name}'");
        }
    }

    [Test]
    public void EveryDemoProjectPassesValidation()
    {
        foreach (var draft in DemoDataLoader.ReadDemoProjects())
        {
            Assert.That(ProjectDraftValidator.Validate(draft), Is.Empty, draft.Slug);
        }
    }
}
