using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Admin;

/// <summary>One account: roles per project, password reset, unlock, export and delete.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AccountDetailModel : PageModel
{
    private readonly AccountStore _accounts;
    private readonly ProjectStore _projects;
    private readonly Passwords _passwords;
    private readonly TimeProvider _time;
    private readonly IStringLocalizer<SharedResource> _t;

    public AccountDetailModel(AccountStore accounts, ProjectStore projects, Passwords passwords, TimeProvider time, IStringLocalizer<SharedResource> t)
    {
        _accounts = accounts;
        _projects = projects;
        _passwords = passwords;
        _time = time;
        _t = t;
    }

    /// <summary>The account shown; loaded by every handler before the page renders.</summary>
    public Core.Accounts.Account? Person { get; private set; }

    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    public IReadOnlyDictionary<long, ProjectRole> Roles { get; private set; } = new Dictionary<long, ProjectRole>();

    public bool IsLocked { get; private set; }

    /// <summary>The signed-in beheerder is looking at their own account (which they may not delete).</summary>
    public bool IsSelf { get; private set; }

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public ProjectRole? RoleIn(long projectId) => Roles.TryGetValue(projectId, out var role) ? role : null;

    public async Task<IActionResult> OnGetAsync(long userId, [FromQuery(Name = "gelukt")] string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(userId, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }

        Message = done switch
        {
            "rollen" => _t["Admin.Roles.Saved"].Value,
            "ongewijzigd" => _t["Admin.Roles.Unchanged"].Value,
            "wachtwoord" => _t["Admin.Password.Done", Person!.DisplayName].Value,
            "ontgrendeld" => _t["Admin.Unlock.Done"].Value,
            _ => null,
        };
        return page;
    }

    /// <summary>Form fields roles[projectId] = role code, or empty for no role; only changed projects are written.</summary>
    public async Task<IActionResult> OnPostRolesAsync(long userId, Dictionary<long, string?>? roles, CancellationToken cancellationToken)
    {
        if (await LoadAsync(userId, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }

        // Check every field before writing any, so a bad value saves nothing.
        var errors = new List<ValidationError>();
        var changes = new List<(long ProjectId, ProjectRole? Role)>();
        foreach (var (projectId, code) in roles ?? [])
        {
            ProjectRole? wanted = null;
            if (Projects.All(p => p.Id != projectId))
            {
                errors.Add(new("projectId", _t["Admin.Error.UnknownProject"]));
                continue;
            }

            if (!string.IsNullOrEmpty(code))
            {
                if (!Codes.TryParse<ProjectRole>(code, out var parsed))
                {
                    errors.Add(new("role", _t["Admin.Error.UnknownRole"]));
                    continue;
                }

                wanted = parsed;
            }

            if (RoleIn(projectId) != wanted)
            {
                changes.Add((projectId, wanted));
            }
        }

        if (errors.Count > 0)
        {
            Errors = errors.Distinct().ToList();
            return page;
        }

        try
        {
            // One transaction: all changed roles are saved, or none.
            await _accounts.SetProjectRolesAsync(userId, changes.ToDictionary(c => c.Item1, c => c.Item2), User.ToActor(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            Errors = ex.Errors;
            return await LoadAsync(userId, cancellationToken);
        }

        return RedirectToPage(new { userId, gelukt = changes.Count > 0 ? "rollen" : "ongewijzigd" });
    }

    public async Task<IActionResult> OnPostPasswordAsync(long userId, string? newPassword, CancellationToken cancellationToken)
    {
        if (await LoadAsync(userId, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }

        Errors = PasswordRules.Validate(newPassword, Person!.Email);
        if (Errors.Count > 0)
        {
            return page;
        }

        await _accounts.SetPasswordAsync(userId, _passwords.Hash(newPassword!), mustChange: true, User.ToActor(), cancellationToken);
        return RedirectToPage(new { userId, gelukt = "wachtwoord" });
    }

    public async Task<IActionResult> OnPostUnlockAsync(long userId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(userId, cancellationToken) is not PageResult)
        {
            return NotFound();
        }

        await _accounts.UnlockAsync(userId, User.ToActor(), cancellationToken);
        return RedirectToPage(new { userId, gelukt = "ontgrendeld" });
    }

    public async Task<IActionResult> OnPostDeleteAsync(long userId, bool confirm, CancellationToken cancellationToken)
    {
        if (await LoadAsync(userId, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }

        if (IsSelf)
        {
            Errors = [new ValidationError("id", _t["Admin.Delete.Self"])];
            return page;
        }

        if (!confirm)
        {
            Errors = [new ValidationError("confirm", _t["Admin.Delete.NotConfirmed"])];
            return page;
        }

        if (!await _accounts.DeleteAsync(userId, User.ToActor(), cancellationToken))
        {
            return NotFound();
        }

        return RedirectToPage("/Admin/Accounts", new { verwijderd = userId });
    }

    private async Task<IActionResult> LoadAsync(long userId, CancellationToken cancellationToken)
    {
        if (await _accounts.FindAsync(userId, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Projects = await _projects.ListAsync(cancellationToken);
        Roles = await _accounts.GetProjectRolesAsync(userId, cancellationToken);
        IsLocked = person.IsLockedAt(_time.GetUtcNow());
        IsSelf = User.UserId() == userId;
        return Page();
    }
}
