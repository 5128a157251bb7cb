namespace Monitor.Web.Startup;

/// <summary>Command-line switches of the web app beside the usual ASP.NET Core ones (--urls, --Monitor:DatabasePath=...).</summary>
internal static class WebStartupSwitches
{
    public const string ResetDemoKey = "Monitor:" + nameof(Monitor.Core.MonitorOptions.ResetDemoData);

    /// <summary>Turns "--reset-demo" into the configuration key the startup service reads.</summary>
    public static string[] Normalize(string[] args) =>
        args.Select(a => a == "--reset-demo" ? $"--{ResetDemoKey}=true" : a).ToArray();
}
