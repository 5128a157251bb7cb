namespace Monitor.Core.Reports.Templates;

/// <summary>
/// The frame of a standalone HTML report: its title (document title and header), language, subtitle and footer line;
/// <paramref name="OnePage"/> sets it tighter so a one-pager (the factsheet) prints on a single A4 page.
/// </summary>
public sealed record HtmlReportOptions(string Title, string Language = "nl", string? Subtitle = null, string? FooterText = null, bool OnePage = false);
