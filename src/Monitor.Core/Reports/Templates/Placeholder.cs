namespace Monitor.Core.Reports.Templates;

/// <summary>A placeholder found in a template; <paramref name="Line"/> and <paramref name="Column"/> are 1-based and point at its "{{".</summary>
public sealed record Placeholder(PlaceholderKind Kind, string Key, int Line, int Column);
