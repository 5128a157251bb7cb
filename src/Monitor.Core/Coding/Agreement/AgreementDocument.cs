namespace Monitor.Core.Coding.Agreement;

/// <summary>
/// A coded document of an agreement round. <paramref name="Length"/> is in Unicode code points;
/// <paramref name="Paragraphs"/> are the segment units (they may leave gaps such as blank lines;
/// empty paragraphs are not counted as units).
/// </summary>
public sealed record AgreementDocument(long DocumentId, int Length, IReadOnlyList<TextRange> Paragraphs);
