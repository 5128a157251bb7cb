using Microsoft.AspNetCore.Authorization;
using Monitor.Core.Privacy;

namespace Monitor.Web.Security;

/// <summary>
/// The one rule for who reads project data how, used by the pages and the API alike: whoever may see the raw material
/// (meeting notes, minutes, members) reads as the team; everyone else (management) gets the management view.
/// </summary>
internal static class Audiences
{
    public static async Task<Audience> ForAsync(IAuthorizationService authorization, HttpContext http) =>
        (await authorization.AuthorizeAsync(http.User, http, ProjectAccess.PolicyName(Capability.ViewMeetingDetails))).Succeeded
            ? Audience.Team
            : Audience.Management;
}
