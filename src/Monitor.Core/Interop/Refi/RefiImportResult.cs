namespace Monitor.Core.Interop.Refi;

/// <summary>What a <c>.qdpx</c> import produced, plus what it had to leave out.</summary>
public sealed record RefiImportResult(RefiProject Project, RefiImportReport Report);
