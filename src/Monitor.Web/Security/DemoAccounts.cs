using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Networks;
using Monitor.Core.Projects;
using Monitor.Core;

namespace Monitor.Web.Security;

/// <summary>
/// Demo accounts, one per role, with one shared password shown on the login page while demo mode is on.
/// Created only in a database without real accounts, so a production install never gets them.
/// </summary>
public sealed class DemoAccounts
{
    public const string Password = "rivier-beslissen-2026";

    /// <summary>E-mail, display name, admin flag, and role per demo project slug.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, bool IsAdmin, IReadOnlyDictionary<string, ProjectRole> Roles)> All =
    [
        ("beheerder@demo.example", "Beheerder (demo)", true, new Dictionary<string, ProjectRole>()),
        ("projectleider@demo.example", "Projectleider (demo)", false, new Dictionary<string, ProjectRole> { ["keuzehulp-werkzaak"] = ProjectRole.Projectleider, ["samen-beslissen-arnhem"] = ProjectRole.Projectleider }),
        ("onderzoeker@demo.example", "Onderzoeker TNO (demo)", false, new Dictionary<string, ProjectRole> { ["keuzehulp-werkzaak"] = ProjectRole.Onderzoeker, ["samen-beslissen-arnhem"] = ProjectRole.Onderzoeker }),
        ("onderzoeker2@demo.example", "Onderzoeker TNO 2 (demo)", false, new Dictionary<string, ProjectRole> { ["keuzehulp-werkzaak"] = ProjectRole.Onderzoeker, ["samen-beslissen-arnhem"] = ProjectRole.Onderzoeker }),
        ("management@demo.example", "Manager Werk & Inkomen (demo)", false, new Dictionary<string, ProjectRole> { ["keuzehulp-werkzaak"] = ProjectRole.Management, ["samen-beslissen-arnhem"] = ProjectRole.Management }),
        ("deelnemer@demo.example", "Re-integratieprofessional 3 (demo)", false, new Dictionary<string, ProjectRole> { ["samen-beslissen-arnhem"] = ProjectRole.Deelnemer }),
        ("gast@demo.example", "Gast leernetwerk (demo)", false, new Dictionary<string, ProjectRole>()),
    ];

    /// <summary>Demo guests from another organisation: e-mail, project slug, the one group they are invited into, their organisation.</summary>
    public static readonly IReadOnlyList<(string Email, string ProjectSlug, string GroupName, string Organisation)> Guests =
    [
        ("gast@demo.example", "keuzehulp-werkzaak", "Leernetwerk", "Gemeente (leernetwerk)"),
    ];

    private readonly AccountStore _accounts;
    private readonly ProjectStore _projects;
    private readonly Passwords _passwords;
    private readonly IOptions<MonitorOptions> _options;
    private readonly GroupGuestStore _guests;

    public DemoAccounts(AccountStore accounts, ProjectStore projects, Passwords passwords, IOptions<MonitorOptions> options, GroupGuestStore guests)
    {
        _guests = guests;
        _accounts = accounts;
        _projects = projects;
        _passwords = passwords;
        _options = options;
    }

    /// <summary>True while the login page may show the demo accounts.</summary>
    public async Task<bool> IsDemoModeAsync(CancellationToken cancellationToken = default) =>
        _options.Value.LoadDemoData && (await _accounts.ListAsync(cancellationToken)).Any(a => a.Account.IsDemo);

    /// <summary>Creates the demo accounts (once) and gives them their roles in the demo projects (again after a demo reset).</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (!_options.Value.LoadDemoData)
        {
            return;
        }

        var existing = await _accounts.ListAsync(cancellationToken);
        if (existing.Any(a => !a.Account.IsDemo))
        {
            return; // a real installation: never add demo logins
        }

        var projects = (await _projects.ListAsync(cancellationToken)).Where(p => p.IsDemo).ToDictionary(p => p.Slug, p => p.Id);
        var hash = existing.Count == 0 ? _passwords.Hash(Password) : null;
        foreach (var (email, name, isAdmin, roles) in All)
        {
            var id = existing.FirstOrDefault(a => string.Equals(a.Account.Email, email, StringComparison.OrdinalIgnoreCase))?.Account.Id;
            if (id is null)
            {
                if (hash is null)
                {
                    continue; // a demo account was deleted on purpose; do not bring it back
                }

                id = await _accounts.CreateAsync(new NewAccount { Email = email, DisplayName = name, PasswordHash = hash, IsAdmin = isAdmin, IsDemo = true }, Actor.System, cancellationToken);
            }

            foreach (var (slug, role) in roles)
            {
                if (projects.TryGetValue(slug, out var projectId) && await _accounts.FindProjectRoleAsync(id.Value, projectId, cancellationToken) != role)
                {
                    await _accounts.SetProjectRoleAsync(id.Value, projectId, role, Actor.System, cancellationToken);
                }
            }
        }

        await EnsureGuestsAsync(projects, cancellationToken);
    }

    /// <summary>Invites the demo guests into their group (again after a demo reset, which removes the groups).</summary>
    private async Task EnsureGuestsAsync(Dictionary<string, long> projects, CancellationToken cancellationToken)
    {
        foreach (var (email, slug, groupName, organisation) in Guests)
        {
            if (!projects.TryGetValue(slug, out var projectId) || await _accounts.FindByEmailAsync(email, cancellationToken) is null
                || (await _projects.FindAsync(projectId, cancellationToken))?.Groups.FirstOrDefault(g => g.Name == groupName) is not { } group
                || (await _guests.ListAsync(projectId, group.Id, cancellationToken) ?? []).Any(g => string.Equals(g.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            await _guests.InviteAsync(projectId, group.Id, new GuestInvitation { Email = email, Organisation = organisation }, Actor.System, cancellationToken);
        }
    }
}
