namespace Monitor.Core.Interop.Refi;

/// <summary>A person who created sources, selections, codings or notes.</summary>
public sealed record RefiUser(Guid Guid, string Name);
