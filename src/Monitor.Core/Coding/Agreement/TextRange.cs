namespace Monitor.Core.Coding.Agreement;

/// <summary>A half-open range of Unicode code points: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct TextRange(int Start, int End);
