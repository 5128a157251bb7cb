using System.Globalization;
using System.Security.Claims;
using Monitor.Core.Accounts;
using Monitor.Core.Data;

namespace Monitor.Web.Security;

/// <summary>The claims of a signed-in user and the helpers to read them back.</summary>
public static class MonitorClaims
{
    public const string Admin = "monitor:admin";
    public const string MustChangePassword = "monitor:must-change-password";

    public static ClaimsIdentity CreateIdentity(Account account, string scheme) => new(
    [
        new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, account.DisplayName),
        new Claim(ClaimTypes.Email, account.Email),
        new Claim(Admin, account.IsAdmin ? "true" : "false"),
        new Claim(MustChangePassword, account.MustChangePassword ? "true" : "false"),
    ], scheme);

    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(Admin, "true");

    /// <summary>The user as the author of a change in the audit trail.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        user.UserId() is { } id ? new Actor(id, user.Identity?.Name ?? $"#{id}") : Actor.System;
}
