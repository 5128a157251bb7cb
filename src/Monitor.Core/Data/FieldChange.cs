namespace Monitor.Core.Data;

/// <summary>A field's value before and after a change (null where there was none).</summary>
public sealed record FieldChange(string? Old, string? New);
