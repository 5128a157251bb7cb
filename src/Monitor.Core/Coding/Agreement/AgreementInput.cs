namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// Everything an agreement computation needs. Spans of a code or coder not listed in
/// <paramref name="Codes"/>/<paramref name="Coders"/> are ignored, so a caller can restrict the analysis.
/// <paramref name="AssignedDocuments"/> says per coder which documents they were asked to code; a coder
/// without an entry was assigned none. Null means every coder was assigned every document.
/// </summary>
public sealed record AgreementInput(
    IReadOnlyList<AgreementDocument> Documents,
    IReadOnlyList<string> Coders,
    IReadOnlyList<string> Codes,
    IReadOnlyList<AgreementSpan> Spans,
    IReadOnlyDictionary<string, IReadOnlySet<long>>? AssignedDocuments = null);
