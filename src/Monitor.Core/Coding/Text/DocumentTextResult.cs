namespace Monitor.Core.Coding.Text;

/// <summary>
/// The text of an uploaded document, and a Dutch notice when it was read in a way the person should check (an old
/// Windows encoding instead of UTF-8).
/// </summary>
public sealed record DocumentTextResult(string Text, string? Notice);
