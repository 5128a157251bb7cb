namespace Monitor.Web.Tests.Support;

/// <summary>
/// How long a browser test waits for what the user should see. Every wait ends as soon as the page shows it; the
/// ceiling is generous because on the 2-core CI machine the app, its jobs and the browser share the CPU (a 30 s default
/// was reached under load while the same test took 3 s alone).
/// </summary>
public static class BrowserWaits
{
    public const float Milliseconds = 120_000;
}
