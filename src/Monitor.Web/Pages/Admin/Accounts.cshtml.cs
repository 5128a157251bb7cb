using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Admin;

/// <summary>All accounts with their roles, and a form to create one (optionally with a first project role).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AccountsModel : PageModel
{
    private readonly AccountStore _accounts;
    private readonly ProjectStore _projects;
    private readonly Passwords _passwords;
    private readonly TimeProvider _time;
    private readonly IStringLocalizer<SharedResource> _t;

    public AccountsModel(AccountStore accounts, ProjectStore projects, Passwords passwords, TimeProvider time, IStringLocalizer<SharedResource> t)
    {
        _accounts = accounts;
        _projects = projects;
        _passwords = passwords;
        _time = time;
        _t = t;
    }

    public IReadOnlyList<AccountWithRoles> Accounts { get; private set; } = [];

    public IReadOnlyList<ProjectSummary> Projects { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public bool IsAdmin { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public long? ProjectId { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "aangemaakt")] long? createdId, [FromQuery(Name = "verwijderd")] long? deletedId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (createdId is { } id && Accounts.FirstOrDefault(a => a.Account.Id == id)?.Account is { } created)
        {
            Message = _t["Admin.Accounts.Created", created.DisplayName, created.Email];
        }
        else if (deletedId is { } gone && Accounts.All(a => a.Account.Id != gone))
        {
            Message = _t["Admin.Accounts.Deleted", gone];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var (roleErrors, role) = ValidateRole();
        var errors = AccountStore.ValidateIdentity(Email, DisplayName)
            .Concat(PasswordRules.Validate(Password, Email))
            .Concat(roleErrors)
            .ToList();
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        long id;
        try
        {
            id = await _accounts.CreateAsync(new NewAccount
            {
                Email = Email!,
                DisplayName = DisplayName!,
                PasswordHash = _passwords.Hash(Password!),
                IsAdmin = IsAdmin,
                MustChangePassword = true,
            }, User.ToActor(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            Errors = ex.Errors;
            return Page();
        }

        if (ProjectId is { } projectId && role is { } projectRole)
        {
            try
            {
                await _accounts.SetProjectRoleAsync(id, projectId, projectRole, User.ToActor(), cancellationToken);
            }
            catch (ValidationException ex)
            {
                // Only when the project was deleted between the check above and now: say so, the account exists.
                Errors = [new ValidationError("projectId", _t["Admin.Error.RoleNotAssigned", ex.Message])];
                (DisplayName, Email, IsAdmin, ProjectId, Role) = (null, null, false, null, null);
                await LoadAsync(cancellationToken);
                return Page();
            }
        }

        return RedirectToPage(new { aangemaakt = id });
    }

    private (IReadOnlyList<ValidationError> Errors, ProjectRole? Role) ValidateRole()
    {
        var errors = new List<ValidationError>();
        ProjectRole? role = null;
        var hasRole = !string.IsNullOrEmpty(Role);
        if (hasRole && Codes.TryParse<ProjectRole>(Role, out var parsed))
        {
            role = parsed;
        }
        else if (hasRole)
        {
            errors.Add(new("role", _t["Admin.Error.UnknownRole"]));
        }

        if (ProjectId is { } projectId && Projects.All(p => p.Id != projectId))
        {
            errors.Add(new("projectId", _t["Admin.Error.UnknownProject"]));
        }
        else if (ProjectId is not null && !hasRole)
        {
            errors.Add(new("role", _t["Admin.Error.ProjectWithoutRole"]));
        }
        else if (ProjectId is null && hasRole)
        {
            errors.Add(new("projectId", _t["Admin.Error.RoleWithoutProject"]));
        }

        return (errors, role);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Accounts = await _accounts.ListAsync(cancellationToken);
        Projects = await _projects.ListAsync(cancellationToken);
        Now = _time.GetUtcNow();
    }
}
