namespace Monitor.Core.Reports;

/// <summary>A stored report exactly as it was generated: its Markdown and HTML.</summary>
public sealed record ReportSnapshot(SnapshotInfo Info, string Markdown, string Html);
