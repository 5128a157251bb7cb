namespace Monitor.Web.Security;

/// <summary>Tells a page that the request reached it as a guest of one group (see <see cref="ProjectPermissionHandler"/>), so it leaves out links to the rest of the project.</summary>
public static class GroupGuestAccess
{
    internal const string ItemKey = "monitor:group-guest";

    public static bool IsGroupGuest(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.ContainsKey(ItemKey);
    }
}
