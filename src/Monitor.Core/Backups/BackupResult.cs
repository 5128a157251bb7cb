namespace Monitor.Core.Backups;

/// <summary>A finished, verified backup and the old backups removed by the retention rule.</summary>
public sealed record BackupResult(string Path, long Bytes, IReadOnlyList<string> Removed);
