using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Account;

/// <summary>The signed-in user's own account: roles, password, personal API tokens.</summary>
public sealed class IndexModel : PageModel
{
    private readonly AccountStore _accounts;
    private readonly ProjectStore _projects;
    private readonly Passwords _passwords;
    private readonly IStringLocalizer<SharedResource> _t;

    public IndexModel(AccountStore accounts, ProjectStore projects, Passwords passwords, IStringLocalizer<SharedResource> t)
    {
        _accounts = accounts;
        _projects = projects;
        _passwords = passwords;
        _t = t;
    }

    /// <summary>Loaded by every handler before the page renders.</summary>
    public Core.Accounts.Account? Me { get; private set; }

    public IReadOnlyList<(string Project, ProjectRole Role)> Roles { get; private set; } = [];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public string? NewToken { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not PageResult page)
        {
            return Unauthorized();
        }

        if (string.IsNullOrEmpty(currentPassword) || !_passwords.Verify(Me!, currentPassword))
        {
            Errors = [new ValidationError("currentPassword", _t["Account.WrongCurrentPassword"])];
            return page;
        }

        Errors = PasswordRules.Validate(newPassword, Me!.Email);
        if (Errors.Count > 0)
        {
            return page;
        }

        await _accounts.SetPasswordAsync(Me.Id, _passwords.Hash(newPassword!), mustChange: false, User.ToActor(), cancellationToken);
        Message = _t["Account.PasswordChanged"];
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(string? tokenName, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not PageResult)
        {
            return Unauthorized();
        }

        var (secret, hash, prefix) = ApiTokens.Generate();
        try
        {
            await _accounts.CreateTokenAsync(Me!.Id, tokenName ?? "", hash, prefix, User.ToActor(), cancellationToken);
        }
        catch (ValidationException ex)
        {
            Errors = ex.Errors;
            return Page();
        }

        NewToken = secret;
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(long tokenId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not PageResult)
        {
            return Unauthorized();
        }

        Message = await _accounts.RevokeTokenAsync(Me!.Id, tokenId, User.ToActor(), cancellationToken) ? _t["Tokens.RevokedMessage"].Value : null;
        return await LoadAsync(cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } id || await _accounts.FindAsync(id, cancellationToken) is not { } me)
        {
            return Unauthorized();
        }

        Me = me;
        var roles = await _accounts.GetProjectRolesAsync(id, cancellationToken);
        var projects = (await _projects.ListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        Roles = roles.Select(r => (projects.GetValueOrDefault(r.Key, $"#{r.Key}"), r.Value)).ToList();
        Tokens = await _accounts.ListTokensAsync(id, cancellationToken);
        return Page();
    }
}
