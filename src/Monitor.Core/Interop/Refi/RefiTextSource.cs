namespace Monitor.Core.Interop.Refi;

/// <summary>
/// A plain-text source (meeting minutes). <paramref name="Text"/> is stored as <c>sources/&lt;GUID&gt;.txt</c>
/// exactly as given; selection offsets count Unicode code points in it.
/// </summary>
public sealed record RefiTextSource(
    Guid Guid,
    string Name,
    string Text,
    Guid? CreatingUser,
    DateTimeOffset? CreatedUtc,
    IReadOnlyList<RefiSelection> Selections,
    IReadOnlyList<RefiVariableValue> Values,
    string? Description = null);
