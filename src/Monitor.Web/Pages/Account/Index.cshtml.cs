using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Monitor.Core.Accounts;
using Monitor.Core.Common;
using Monitor.Core.Meetings;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Account;

/// <summary>The signed-in user's own account: roles, password, personal API tokens, the calendar subscription.</summary>
public sealed class IndexModel : PageModel
{
    private readonly AccountStore _accounts;
    private readonly CalendarSubscriptionStore _calendars;
    private readonly ProjectStore _projects;
    private readonly Passwords _passwords;
    private readonly IStringLocalizer<SharedResource> _t;

    public IndexModel(AccountStore accounts, CalendarSubscriptionStore calendars, ProjectStore projects, Passwords passwords, IStringLocalizer<SharedResource> t)
    {
        _accounts = accounts;
        _calendars = calendars;
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

    /// <summary>When the personal calendar subscription was made; null without one.</summary>
    public DateTimeOffset? CalendarSince { get; private set; }

    /// <summary>The address of a just-made calendar subscription (https), shown once.</summary>
    public string? NewCalendarUrl { get; private set; }

    /// <summary><see cref="NewCalendarUrl"/> as a webcal:// link, which opens the subscription in a calendar app.</summary>
    public string? NewCalendarWebcal => NewCalendarUrl is null ? null : "webcal://" + NewCalendarUrl[(NewCalendarUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];

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

    public async Task<IActionResult> OnPostCalendarAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not PageResult)
        {
            return Unauthorized();
        }

        var token = await _calendars.RenewAsync(Me!.Id, User.ToActor(), cancellationToken);
        NewCalendarUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/kalender/{token}.ics";
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeCalendarAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not PageResult)
        {
            return Unauthorized();
        }

        Message = await _calendars.RevokeAsync(Me!.Id, User.ToActor(), cancellationToken) ? _t["Calendar.RevokedMessage"].Value : null;
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
        CalendarSince = await _calendars.FindCreatedAtAsync(id, cancellationToken);
        return Page();
    }
}
