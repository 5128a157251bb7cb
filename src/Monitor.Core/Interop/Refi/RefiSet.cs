namespace Monitor.Core.Interop.Refi;

/// <summary>
/// A named group of codes and sources (ATLAS.ti code and document groups, MAXQDA sets). ImplementatieMonitor writes
/// one per coding round (see docs/refi-qda.md).
/// </summary>
public sealed record RefiSet(Guid Guid, string Name, string? Description, IReadOnlyList<Guid> MemberCodes, IReadOnlyList<Guid> MemberSources);
