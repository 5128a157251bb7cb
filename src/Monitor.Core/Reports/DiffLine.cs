namespace Monitor.Core.Reports;

/// <summary>One line of the difference between two reports' Markdown: ' ' unchanged, '+' added, '-' removed.</summary>
public sealed record DiffLine(char Kind, string Text);
