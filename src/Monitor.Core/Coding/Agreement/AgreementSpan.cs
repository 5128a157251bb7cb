namespace Monitor.Core.Coding.Agreement;

/// <summary>One coding: <paramref name="Coder"/> applied <paramref name="Code"/> to code points Start (inclusive) to End (exclusive).</summary>
public sealed record AgreementSpan(long DocumentId, string Code, string Coder, int Start, int End);
