namespace Monitor.Core.Reports.Templates;

/// <summary>
/// A chart for a <c>{{grafiek KEY}}</c> placeholder. <paramref name="Svg"/> is trusted output of the chart
/// renderer and goes into HTML as is; title, description and <paramref name="Data"/> are plain text.
/// The chart counts as empty when <paramref name="Data"/> has no rows; <c>Data.Caption</c> is not shown
/// (the title is the caption). <paramref name="Png"/> is the same chart as an image for the Word document (null when empty).
/// </summary>
public sealed record ReportChart(string Title, string Description, string Svg, ReportTable Data, byte[]? Png = null);
