namespace Monitor.Core.Interop.Refi;

/// <summary>
/// A span of a text source. <paramref name="Start"/> and <paramref name="End"/> are Unicode code points,
/// end exclusive (REFI semantics, see <see cref="CodePointText"/>). One selection may carry several codings.
/// </summary>
public sealed record RefiSelection(
    Guid Guid,
    string? Name,
    int Start,
    int End,
    Guid? CreatingUser,
    DateTimeOffset? CreatedUtc,
    string? Description,
    IReadOnlyList<RefiCoding> Codings,
    IReadOnlyList<Guid> NoteRefs);
