namespace Monitor.Core.Interop.Refi;

/// <summary>A variable whose values are attached to cases or sources.</summary>
public sealed record RefiVariable(Guid Guid, string Name, RefiVariableType Type, string? Description);
