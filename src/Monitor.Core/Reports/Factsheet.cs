namespace Monitor.Core.Reports;

/// <summary>The one-page factsheet as Markdown, standalone HTML (prints on one A4 page) and a Word document.</summary>
public sealed record Factsheet(string Markdown, string Html, byte[] Docx);
