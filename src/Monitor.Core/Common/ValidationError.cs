namespace Monitor.Core.Common;

/// <summary>One thing wrong with input: the field (dotted path) and a Dutch message saying how to fix it.</summary>
public sealed record ValidationError(string Field, string Message);
