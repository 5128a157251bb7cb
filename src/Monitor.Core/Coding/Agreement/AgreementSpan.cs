namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// One coding: <paramref name="Coder"/> applied <paramref name="Code"/> to code points Start (inclusive) to End (exclusive).
/// Overlapping spans of one coder and code are unioned; empty spans (Start == End) count for nothing.
/// <paramref name="Valence"/> (a category such as "bevorderend") is used only by <see cref="ValenceAgreement"/>.
/// </summary>
public sealed record AgreementSpan(long DocumentId, string Code, string Coder, int Start, int End, string? Valence = null);
