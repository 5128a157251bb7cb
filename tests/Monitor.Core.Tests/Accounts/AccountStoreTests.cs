using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Tests.Support;

namespace Monitor.Core.Tests.Accounts;

[TestFixture(DatabaseEngine.Sqlite)]
[TestFixture(DatabaseEngine.PostgreSql)]
public sealed class AccountStoreTests
{
    private readonly DatabaseEngine _engine;

    public AccountStoreTests(DatabaseEngine engine)
    {
        _engine = engine;
    }

    private static NewAccount Account(string email = "pl@tiel.nl") => new() { Email = email, DisplayName = "Projectleider Tiel", PasswordHash = "hash" };

    [Test]
    public async Task CreatesAnAccountAndAuditsItInTheSameTransaction()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var id = await db.Accounts.CreateAsync(Account(), new Actor(null, "Beheerder"));

        var entries = await db.Audit.ListAsync(entity: "account", entityId: id);
        Assert.That(entries, Has.Count.EqualTo(1));
        Assert.That(entries[0].Action, Is.EqualTo("create"));
        Assert.That(entries[0].ActorName, Is.EqualTo("Beheerder"));
        Assert.That(entries[0].Changes["email"], Is.EqualTo(new FieldChange(null, "pl@tiel.nl")));
    }

    [Test]
    public async Task RefusesADuplicateEmailAndWritesNoAuditRow()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        await db.Accounts.CreateAsync(Account(), Actor.System);

        var error = Assert.ThrowsAsync<ValidationException>(() => db.Accounts.CreateAsync(Account("PL@tiel.nl"), Actor.System));

        Assert.That(error!.Errors.Single().Field, Is.EqualTo("email"));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM users;"), Is.EqualTo(1));
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log;"), Is.EqualTo(1));
    }

    [Test]
    public async Task AFailedChangeLeavesNoAuditRow()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var id = await db.Accounts.CreateAsync(Account(), Actor.System);
        // The database itself refuses the role row, after the audit row of the same change could have been written.
        await db.RefuseInsertsAsync("audit_log", "NEW.entity = 'projectrol'");

        var projectId = await db.Projects.CreateAsync(new Monitor.Core.Projects.ProjectDraft { Slug = "p", Name = "P", Organisation = "O", Innovation = "I", StartDate = new DateOnly(2026, 1, 1), CurrentPhase = 0 }, Actor.System);

        Assert.ThrowsAsync(Is.InstanceOf<System.Data.Common.DbException>(), () => db.Accounts.SetProjectRoleAsync(id, projectId, ProjectRole.Onderzoeker, Actor.System));
        Assert.That(await db.Accounts.FindProjectRoleAsync(id, projectId), Is.Null, "the role change was rolled back with its audit row");
    }

    [Test]
    public async Task SavesRolesInSeveralProjectsAllOrNothing()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var id = await db.Accounts.CreateAsync(Account(), Actor.System);
        var projectId = await db.Projects.CreateAsync(new Monitor.Core.Projects.ProjectDraft { Slug = "p", Name = "P", Organisation = "O", Innovation = "I", StartDate = new DateOnly(2026, 1, 1), CurrentPhase = 0 }, Actor.System);

        Assert.ThrowsAsync<ValidationException>(() => db.Accounts.SetProjectRolesAsync(id, new Dictionary<long, ProjectRole?> { [projectId] = ProjectRole.Onderzoeker, [9999] = ProjectRole.Management }, Actor.System));

        Assert.That(await db.Accounts.FindProjectRoleAsync(id, projectId), Is.Null);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE entity = 'projectrol';"), Is.Zero);
    }

    [Test]
    public async Task LocksAfterTheConfiguredNumberOfFailures()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var id = await db.Accounts.CreateAsync(Account(), Actor.System);

        DateTimeOffset? locked = null;
        for (var i = 0; i < 3; i++)
        {
            locked = await db.Accounts.RecordFailedLoginAsync(id, maxFailures: 3, TimeSpan.FromMinutes(15));
        }

        Assert.That(locked, Is.EqualTo(db.Time.GetUtcNow().AddMinutes(15)));
        Assert.That((await db.Accounts.FindAsync(id))!.IsLockedAt(db.Time.GetUtcNow()), Is.True);
        await db.Accounts.RecordSuccessfulLoginAsync(id);
        Assert.That((await db.Accounts.FindAsync(id))!.FailedLogins, Is.Zero);
    }

    [Test]
    public async Task CreatesTheFirstAdminOnlyOnAnEmptyUserTable()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);

        var first = await db.Accounts.CreateFirstAdminAsync(Account("a@x.nl"));
        var second = await db.Accounts.CreateFirstAdminAsync(Account("b@x.nl"));

        Assert.That(first, Is.Not.Null);
        Assert.That(second, Is.Null);
        Assert.That((await db.Accounts.FindAsync(first!.Value))!.IsAdmin, Is.True);
    }

    [Test]
    public async Task ARevokedTokenNoLongerAuthenticates()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var id = await db.Accounts.CreateAsync(Account(), Actor.System);
        var tokenId = await db.Accounts.CreateTokenAsync(id, "R-script", "hash-1", "im_abc", Actor.System);

        Assert.That(await db.Accounts.UseTokenAsync("hash-1"), Is.EqualTo(id));
        Assert.That(await db.Accounts.RevokeTokenAsync(id, tokenId, Actor.System), Is.True);
        Assert.That(await db.Accounts.UseTokenAsync("hash-1"), Is.Null);
        Assert.That(await db.Accounts.RevokeTokenAsync(id, tokenId, Actor.System), Is.False, "already revoked");
    }

    [Test]
    public async Task DeletingAPersonKeepsTheirAuditEntriesAnonymously()
    {
        using var db = await TempDatabase.MigratedAsync(_engine);
        var id = await db.Accounts.CreateAsync(Account(), Actor.System);
        var projectId = await db.Projects.CreateAsync(new Monitor.Core.Projects.ProjectDraft { Slug = "p", Name = "P", Organisation = "O", Innovation = "I", StartDate = new DateOnly(2026, 1, 1), CurrentPhase = 0 }, new Actor(id, "Projectleider Tiel"));

        Assert.That(await db.Accounts.DeleteAsync(id, Actor.System), Is.True);

        var entries = await db.Audit.ListAsync(projectId: projectId);
        Assert.That(entries.Single().ActorName, Is.EqualTo($"Verwijderde gebruiker #{id}"));
        Assert.That(await db.Accounts.FindAsync(id), Is.Null);
        Assert.That(await db.ScalarAsync("SELECT count(*) FROM audit_log WHERE actor_name = 'Projectleider Tiel';"), Is.Zero);
    }
}
