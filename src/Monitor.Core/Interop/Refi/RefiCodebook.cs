namespace Monitor.Core.Interop.Refi;

/// <summary>A REFI-QDA codebook (<c>.qdc</c>, <c>urn:QDA-XML:codebook:1.0</c>).</summary>
public sealed record RefiCodebook(string Origin, IReadOnlyList<RefiCode> Codes);
