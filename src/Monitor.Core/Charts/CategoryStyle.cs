namespace Monitor.Core.Charts;

/// <summary>
/// How one category of a timeline is drawn: fill colour, optional outline, dashed or solid, and the text
/// shown for it in the legend and the data table (the category key when <paramref name="Label"/> is null).
/// Colours are hex (#rgb or #rrggbb); anything else is refused by the renderer, so that no value can
/// smuggle in an external reference such as url(…).
/// </summary>
public sealed record CategoryStyle(string Fill, string? Outline = null, bool Dashed = false, string? Label = null);
