namespace Monitor.Core.Interop.Refi;

/// <summary>
/// A code; <paramref name="Children"/> make the hierarchy. Frameworks and categories are written as
/// <paramref name="IsCodable"/> = false parents. <paramref name="Color"/> is <c>#RRGGBB</c>.
/// </summary>
public sealed record RefiCode(Guid Guid, string Name, bool IsCodable, string? Color, string? Description, IReadOnlyList<RefiCode> Children);
