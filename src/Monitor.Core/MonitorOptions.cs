namespace Monitor.Core;

/// <summary>
/// Settings shared by the web app and the worker, bound from the "Monitor" configuration section.
/// </summary>
public sealed class MonitorOptions
{
    public const string SectionName = "Monitor";

    /// <summary>The database engine: <c>sqlite</c> (the default, one file) or <c>postgresql</c> (several web nodes).</summary>
    public string Database { get; set; } = "sqlite";

    /// <summary>
    /// The PostgreSQL connection string (setting <c>ConnectionStrings:Monitor</c>, copied here by the host); only read
    /// when <see cref="Database"/> is <c>postgresql</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Path of the SQLite database file; relative paths are taken from the working directory.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "monitor.db");

    /// <summary>How long a command waits for a lock held by the other process (web or worker).</summary>
    public int BusyTimeoutSeconds { get; set; } = 10;

    /// <summary>/health reports unhealthy when the database's disk has less free space than this.</summary>
    public int MinimumFreeDiskMegabytes { get; set; } = 5;

    /// <summary>Load the demo projects into an empty database on start.</summary>
    public bool LoadDemoData { get; set; } = true;

    /// <summary>The address people reach the web app at, for links in e-mails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Delete the demo projects and load them again on start (--reset-demo); other projects are kept.</summary>
    public bool ResetDemoData { get; set; }
}
