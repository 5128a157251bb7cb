namespace Monitor.Core.Interop.Refi;

/// <summary>Per element type how many elements were kept and dropped, with the reasons (REFI-QDA §7: report data loss).</summary>
public sealed record RefiImportReport(IReadOnlyList<RefiImportLine> Lines);
