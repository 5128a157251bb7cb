namespace Monitor.Core.Reports.Templates;

/// <summary>The frame of a standalone HTML report: its title (document title and header), language, subtitle and footer line.</summary>
public sealed record HtmlReportOptions(string Title, string Language = "nl", string? Subtitle = null, string? FooterText = null);
