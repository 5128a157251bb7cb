namespace Monitor.Web.Security;

/// <summary>Policy and scheme names.</summary>
public static class Policies
{
    public const string Admin = "beheerder";

    /// <summary>Picks the API token scheme for "Authorization: Bearer …" and the cookie otherwise.</summary>
    public const string SmartScheme = "monitor";

    public const string ApiTokenScheme = "ApiToken";

    public const string LoginRateLimit = "login";
}
