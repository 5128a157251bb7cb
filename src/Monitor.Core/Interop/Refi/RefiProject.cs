namespace Monitor.Core.Interop.Refi;

/// <summary>
/// A REFI-QDA project (QDA-XML <c>urn:QDA-XML:project:1.0</c>) as far as ImplementatieMonitor exchanges it:
/// users, a code tree, variables, cases, plain-text sources with coded selections, notes and sets.
/// </summary>
public sealed record RefiProject(
    string Name,
    string Origin,
    DateTimeOffset? CreatedUtc,
    IReadOnlyList<RefiUser> Users,
    IReadOnlyList<RefiCode> Codes,
    IReadOnlyList<RefiVariable> Variables,
    IReadOnlyList<RefiCase> Cases,
    IReadOnlyList<RefiTextSource> Sources,
    IReadOnlyList<RefiNote> Notes,
    string? Description = null,
    IReadOnlyList<RefiSet>? Sets = null)
{
    /// <summary>Sets (groups); never null.</summary>
    public IReadOnlyList<RefiSet> Sets { get; init; } = Sets ?? [];
}
