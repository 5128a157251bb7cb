namespace Monitor.Core.Interop.Refi;

/// <summary>A case (site, phase, meeting series ...) with variable values and the sources that belong to it.</summary>
public sealed record RefiCase(Guid Guid, string Name, string? Description, IReadOnlyList<RefiVariableValue> Values, IReadOnlyList<Guid> SourceRefs);
