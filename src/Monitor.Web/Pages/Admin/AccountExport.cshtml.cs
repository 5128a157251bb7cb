using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Admin;

/// <summary>
/// Everything the tool holds about one person as a JSON download (subject access request, AVG art. 15):
/// the account without its password hash, roles with project names, API tokens without their hash, the group
/// memberships linked to the account with their attendance, own reflections and action items, and the audit entries
/// made by the person or about their account and roles.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AccountExportModel : PageModel
{
    // The largest page AuditStore.ListAsync returns; an export should hold the whole trail.
    private const int AllAuditEntries = 100_000;

    private readonly AccountStore _accounts;
    private readonly ProjectStore _projects;
    private readonly AuditStore _audit;
    private readonly MemberDataStore _members;
    private readonly TimeProvider _time;

    public AccountExportModel(AccountStore accounts, ProjectStore projects, AuditStore audit, MemberDataStore members, TimeProvider time)
    {
        _members = members;
        _accounts = accounts;
        _projects = projects;
        _audit = audit;
        _time = time;
    }

    public async Task<IActionResult> OnGetAsync(long userId, CancellationToken cancellationToken)
    {
        if (await _accounts.FindAsync(userId, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        var projectNames = (await _projects.ListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        var roles = await _accounts.GetProjectRolesAsync(userId, cancellationToken);
        var tokens = await _accounts.ListTokensAsync(userId, cancellationToken);
        var byPerson = await _audit.ListAsync(actorUserId: userId, limit: AllAuditEntries, cancellationToken: cancellationToken);
        var aboutAccount = (await _audit.ListAsync(entity: "account", entityId: userId, limit: AllAuditEntries, cancellationToken: cancellationToken))
            .Concat(await _audit.ListAsync(entity: "projectrol", entityId: userId, limit: AllAuditEntries, cancellationToken: cancellationToken))
            .OrderByDescending(e => e.Id)
            .ToList();

        var export = new PersonalDataExport(
            _time.GetUtcNow(),
            new AccountData(account.Id, account.Email, account.DisplayName, account.IsAdmin, account.IsDemo, account.MustChangePassword,
                account.FailedLogins, account.LockedUntil, account.CreatedAt),
            roles.Select(r => new RoleData(r.Key, projectNames.GetValueOrDefault(r.Key), r.Value.ToCode()))
                .OrderBy(r => r.ProjectName, StringComparer.OrdinalIgnoreCase)
                .ToList(),
            tokens.Select(t => new TokenData(t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt)).ToList(),
            await _members.ExportForAccountAsync(userId, cancellationToken),
            byPerson,
            aboutAccount);
        return File(PersonalDataJson.Serialize(export), "application/json", $"persoonsgegevens-{userId}.json");
    }

    private sealed record PersonalDataExport(
        DateTimeOffset ExportedAt,
        AccountData Account,
        IReadOnlyList<RoleData> ProjectRoles,
        IReadOnlyList<TokenData> ApiTokens,
        IReadOnlyList<MemberPersonalData> GroupMemberships,
        IReadOnlyList<AuditEntry> AuditByPerson,
        IReadOnlyList<AuditEntry> AuditAboutAccount);

    // Deliberately without the password hash.
    private sealed record AccountData(
        long Id,
        string Email,
        string DisplayName,
        bool IsAdmin,
        bool IsDemo,
        bool MustChangePassword,
        int FailedLogins,
        DateTimeOffset? LockedUntil,
        DateTimeOffset CreatedAt);

    private sealed record RoleData(long ProjectId, string? ProjectName, string Role);

    // Deliberately without the token hash; the secret itself is never stored.
    private sealed record TokenData(string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
}
