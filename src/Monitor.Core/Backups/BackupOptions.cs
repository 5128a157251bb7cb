namespace Monitor.Core.Backups;

/// <summary>Where backups go and how many are kept, bound from "Monitor:Backup".</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Monitor:Backup";

    /// <summary>Folder for the backup files; relative paths are taken from the working directory.</summary>
    public string Folder { get; set; } = Path.Combine("data", "backups");

    /// <summary>The newest backup of each of this many days is kept.</summary>
    public int KeepDaily { get; set; } = 14;

    /// <summary>The newest backup of each of this many ISO weeks is kept (beyond the daily ones).</summary>
    public int KeepWeekly { get; set; } = 8;
}
