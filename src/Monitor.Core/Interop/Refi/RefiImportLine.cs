namespace Monitor.Core.Interop.Refi;

/// <summary>One report line, e.g. ("PictureSource", 0, 3, "alleen tekstbronnen worden ingelezen"); the reason is Dutch.</summary>
public sealed record RefiImportLine(string ElementType, int Kept, int Dropped, string? Reason);
