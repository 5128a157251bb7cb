using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Findings;
using Monitor.Core.Networks;
using Monitor.Core.Tests.Support;
using Monitor.Core.Tests.Support.Fixtures;

namespace Monitor.Core.Tests.Networks;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class NetworkStoreTests
{
    private readonly DatabaseEngine _engine;

    public NetworkStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static readonly Actor _leader = new(7, "Projectleider");

    private static async Task<long> FindingAsync(TempDatabase db, long projectId, string title, bool settle)
    {
        var id = await db.Findings.CreateAsync(projectId, new FindingDraft { Kind = FindingKind.Les, Title = title, Explanation = "Uitleg bij " + title }, [], _leader);
        if (settle)
        {
            await db.Findings.SetStatusAsync(projectId, id, FindingStatus.Besproken, new FindingSession(new DateOnly(2026, 3, 1), "kernteam", ""), _leader);
            await db.Findings.SetStatusAsync(projectId, id, FindingStatus.Vastgesteld, null, _leader);
        }

        return id;
    }

    [Test]
    public async Task ANetworkShowsOnlyWhatMemberProjectsSharedAndStillIsVastgesteld()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (werkzaak, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "werkzaak");
        var (amsterdam, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "amsterdam");
        var networkId = await db.Networks.CreateAsync("Leernetwerk", "", false, Actor.System);
        await db.Networks.AddProjectAsync(networkId, werkzaak, Actor.System);
        await db.Networks.AddProjectAsync(networkId, amsterdam, Actor.System);
        var shared = await FindingAsync(db, werkzaak, "Samen kom je verder", settle: true);
        var unshared = await FindingAsync(db, werkzaak, "Interne kwestie", settle: true);
        var concept = await FindingAsync(db, amsterdam, "Nog in concept", settle: false);

        Assert.That(await db.Networks.ShareAsync(werkzaak, networkId, ShareKind.Bevinding, shared, _leader), Is.True);
        var refused = Assert.ThrowsAsync<ValidationException>(() => db.Networks.ShareAsync(amsterdam, networkId, ShareKind.Bevinding, concept, _leader))!;
        Assert.That(refused.Message, Does.Contain("niet vastgesteld"));
        Assert.ThrowsAsync<ValidationException>(() => db.Networks.ShareAsync(amsterdam, networkId, ShareKind.Bevinding, shared, _leader), "another project's finding");
        var items = await db.Networks.SharedItemsAsync(networkId);

        Assert.That(items.Select(i => (i.Item.ItemId, i.Item.Title, i.ProjectName, i.Organisation)), Is.EqualTo(new[] { (shared, "Samen kom je verder", "Project werkzaak", "Gemeente") }));
        Assert.That(items[0].Item.Date, Is.EqualTo(new DateOnly(2026, 3, 1)), "the day it was discussed");
        Assert.That(items.Select(i => i.Item.ItemId), Does.Not.Contain(unshared));

        // set back to concept: gone from the network at once, without anyone unsharing it
        await db.Findings.SetStatusAsync(werkzaak, shared, FindingStatus.Concept, null, _leader);
        Assert.That(await db.Networks.SharedItemsAsync(networkId), Is.Empty);
    }

    [Test]
    public async Task OnlyAMemberProjectSharesAndLeavingTakesItsSharesAlong()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (werkzaak, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "werkzaak");
        var networkId = await db.Networks.CreateAsync("Leernetwerk", "", false, Actor.System);
        var finding = await FindingAsync(db, werkzaak, "Samen kom je verder", settle: true);

        var outsider = Assert.ThrowsAsync<ValidationException>(() => db.Networks.ShareAsync(werkzaak, networkId, ShareKind.Bevinding, finding, _leader))!;
        Assert.That(outsider.Message, Does.Contain("doet niet mee"));
        await db.Networks.AddProjectAsync(networkId, werkzaak, Actor.System);
        await db.Networks.ShareAsync(werkzaak, networkId, ShareKind.Bevinding, finding, _leader);
        Assert.ThrowsAsync<ValidationException>(() => db.Networks.ShareAsync(werkzaak, networkId, ShareKind.Bevinding, finding, _leader), "shared twice");
        Assert.That((await db.Networks.CandidatesAsync(werkzaak))!.Single().SharedWith, Is.EqualTo(new[] { networkId }));

        Assert.That(await db.Networks.RemoveProjectAsync(networkId, werkzaak, Actor.System), Is.True);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM network_shares"), Is.EqualTo(0));
        Assert.That(await db.Networks.UnshareAsync(werkzaak, networkId, ShareKind.Bevinding, finding, _leader), Is.False);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity IN ('network', 'networkProject', 'networkShare')"), Is.EqualTo(4));
    }

    [Test]
    public async Task ALessonIsShareableOnceTheAgendaItemIsConcludedWithWhatWasLearned()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (werkzaak, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "werkzaak");
        var networkId = await db.Networks.CreateAsync("Leernetwerk", "", false, Actor.System);
        await db.Networks.AddProjectAsync(networkId, werkzaak, Actor.System);
        var draft = new Monitor.Core.Learning.LearningItemDraft { Kind = Monitor.Core.Learning.LearningItemKind.Leervraag, Title = "Hoe betrekken we cliënten?", StatusOn = new DateOnly(2026, 1, 1) };
        var itemId = (await db.Learning.CreateAsync(werkzaak, draft, _leader))!.Value;

        Assert.ThrowsAsync<ValidationException>(() => db.Networks.ShareAsync(werkzaak, networkId, ShareKind.Les, itemId, _leader), "still open");
        await db.Learning.UpdateAsync(werkzaak, itemId, draft with { Status = Monitor.Core.Learning.LearningStatus.Opgelost, StatusOn = new DateOnly(2026, 4, 1), Learned = "Een vertrouwelijke sfeer helpt" }, _leader);
        await db.Networks.ShareAsync(werkzaak, networkId, ShareKind.Les, itemId, _leader);
        var item = (await db.Networks.SharedItemsAsync(networkId)).Single().Item;

        Assert.That((item.Kind, item.Label, item.Text, item.Date), Is.EqualTo((ShareKind.Les, "leeragenda", "Een vertrouwelijke sfeer helpt", (DateOnly?)new DateOnly(2026, 4, 1))));
    }

    [Test]
    public async Task AUserSeesTheNetworksOfTheProjectsWhereTheyHaveARole()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var (werkzaak, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "werkzaak");
        var (elsewhere, _, _) = await MeetingFixtures.ProjectWithGroupAsync(db, "elders");
        var networkId = await db.Networks.CreateAsync("Leernetwerk", "", false, Actor.System);
        await db.Networks.AddProjectAsync(networkId, werkzaak, Actor.System);
        var member = await db.Accounts.CreateAsync(new NewAccount { Email = "lid@example.org", DisplayName = "Lid", PasswordHash = "x" }, Actor.System);
        var outsider = await db.Accounts.CreateAsync(new NewAccount { Email = "ander@example.org", DisplayName = "Ander", PasswordHash = "x" }, Actor.System);
        await db.Accounts.SetProjectRoleAsync(member, werkzaak, ProjectRole.Deelnemer, Actor.System);
        await db.Accounts.SetProjectRoleAsync(outsider, elsewhere, ProjectRole.Projectleider, Actor.System);

        Assert.That((await db.Networks.ListAsync(member)).Select(n => n.Id), Is.EqualTo(new[] { networkId }));
        Assert.That(await db.Networks.ListAsync(outsider), Is.Empty);
        Assert.That(await db.Networks.FindAsync(networkId, outsider), Is.Null);
        Assert.That(await db.Networks.FindAsync(networkId, null), Is.Not.Null, "the beheerder sees every network");
    }
}
