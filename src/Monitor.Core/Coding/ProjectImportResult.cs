using Monitor.Core.Interop.Refi;

namespace Monitor.Core.Coding;

/// <summary>What an import kept and dropped, per element type, and the documents it created.</summary>
public sealed record ProjectImportResult(IReadOnlyList<RefiImportLine> Lines, int Documents, int Codes, int Codings);
