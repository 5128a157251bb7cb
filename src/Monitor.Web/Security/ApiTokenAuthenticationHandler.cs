using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;

namespace Monitor.Web.Security;

/// <summary>"Authorization: Bearer im_…" for scripts and other tools; revoked tokens fail at once.</summary>
internal sealed class ApiTokenAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly AccountStore _accounts;

    public ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountStore accounts)
        : base(options, logger, encoder) => _accounts = accounts;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return AuthenticateResult.Fail("Ongeldig token.");
        }

        if (await _accounts.UseTokenAsync(ApiTokens.Hash(secret), Context.RequestAborted) is not { } userId
            || await _accounts.FindAsync(userId, Context.RequestAborted) is not { } account)
        {
            return AuthenticateResult.Fail("Onbekend of ingetrokken token.");
        }

        var principal = new ClaimsPrincipal(MonitorClaims.CreateIdentity(account, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Niet ingelogd", "Stuur een geldig persoonlijk API-token mee: Authorization: Bearer im_…");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Geen toegang", "Uw rol in dit project geeft geen toegang tot deze gegevens.");

    private Task WriteProblemAsync(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(Context);
}
