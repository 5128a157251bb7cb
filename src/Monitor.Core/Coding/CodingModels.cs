namespace Monitor.Core.Coding;

/// <summary>How a coded fragment bears on the implementation.</summary>
public enum Valence
{
    Bevorderend,
    Belemmerend,
    Gemengd,
    Neutraal,
}

/// <summary>What a coding document is made from.</summary>
public enum DocumentKind
{
    Verslag,
    Reflectie,
    Upload,
}

public enum RoundStatus
{
    Open,
    Gesloten,
}

public sealed record Codebook(long Id, long? ProjectId, string? Framework, string Name, string Version, string Description, Guid Guid, IReadOnlyList<Code> Codes)
{
    public bool IsBuiltIn => ProjectId is null;
}

public sealed record Code(long Id, long CodebookId, long? ParentId, string? Key, string NameNl, string NameEn, string Definition, string Guidance, bool IsCodable, int Position, string? Color, Guid Guid)
{
    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameNl;
}

/// <summary>A new or changed custom code of a project codebook.</summary>
public sealed record CodeDraft(string NameNl, string NameEn = "", string Definition = "", string Guidance = "", long? ParentId = null, string? Color = null, bool IsCodable = true);

public sealed record CodingDocument
{
    public required long Id { get; init; }
    public required long ProjectId { get; init; }
    public required DocumentKind Kind { get; init; }
    public long? MeetingId { get; init; }
    public long? ReflectionId { get; init; }
    public required string Title { get; init; }
    public string SourceType { get; init; } = "";
    public string FileName { get; init; } = "";
    public required Guid Guid { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required long VersionId { get; init; }
    public required int VersionNumber { get; init; }
    public required int Length { get; init; }
    public long? GroupId { get; init; }
    public string? GroupName { get; init; }
    public DateOnly? HeldOn { get; init; }
    public int CodingCount { get; init; }
}

/// <summary>One version of a document's text (immutable once written).</summary>
public sealed record DocumentVersion(long Id, long DocumentId, int Number, string Text, int Length, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record Coding
{
    public required long Id { get; init; }
    public required long DocumentId { get; init; }
    public required long VersionId { get; init; }
    public required long CodeId { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required Valence Valence { get; init; }
    public string Memo { get; init; } = "";
    public required long CoderId { get; init; }
    public required string CoderName { get; init; }
    public long? RoundId { get; init; }
    public bool IsConsensus { get; init; }
    public required Guid Guid { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool Unplaced { get; init; }
}

public sealed record CodingInput(long DocumentId, long CodeId, int Start, int End, Valence Valence, string Memo = "", long? RoundId = null, bool Consensus = false);

/// <summary>A coded fragment with what the retrieval screens show around it.</summary>
public sealed record Fragment
{
    public required Coding Coding { get; init; }
    public required string CodeName { get; init; }
    public string? CodeKey { get; init; }
    public required string CodebookName { get; init; }
    public required string CodePath { get; init; }
    public required string DocumentTitle { get; init; }
    public required DocumentKind DocumentKind { get; init; }
    public long? MeetingId { get; init; }
    public long? GroupId { get; init; }
    public string? GroupName { get; init; }
    public DateOnly? Date { get; init; }
    public int? Phase { get; init; }
    public required string Text { get; init; }
    public string Before { get; init; } = "";
    public string After { get; init; } = "";
    /// <summary>For a closing reflection: "wel" or "minder", the answer the fragment lies in; null otherwise.</summary>
    public string? ReflectionPart { get; init; }
}

public sealed record FragmentFilter
{
    public long? CodeId { get; init; }
    public string? CodeKey { get; init; }
    public long? GroupId { get; init; }
    public int? Phase { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public Valence? Valence { get; init; }
    public long? CoderId { get; init; }
    public long? DocumentId { get; init; }

    /// <summary>Only documents with this attribute (a case variable from a REFI-QDA import, e.g. Conditie = getraind).</summary>
    public DocumentVariable? Attribute { get; init; }

    public int Limit { get; init; } = 500;
}

/// <summary>A respondent or case attribute of a document (name and value), as REFI-QDA variables carry them.</summary>
public sealed record DocumentVariable(string Name, string Value)
{
    /// <summary>Reads "naam=waarde" (the form and API spelling); null when there is no '=' or no name.</summary>
    public static DocumentVariable? Parse(string? text) =>
        text?.IndexOf('=', StringComparison.Ordinal) is > 0 and var at ? new DocumentVariable(text[..at].Trim(), text[(at + 1)..].Trim()) : null;

    public override string ToString() => $"{Name}={Value}";
}

public sealed record CodingRound
{
    public required long Id { get; init; }
    public required long ProjectId { get; init; }
    public required string Name { get; init; }
    public required RoundStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public required IReadOnlyList<(long Id, string Name)> Coders { get; init; }
    public required IReadOnlyList<long> DocumentIds { get; init; }
}


/// <summary>Facilitator / barrier counts of one cell of a determinant matrix.</summary>
public sealed record MatrixCell(int Facilitators, int Barriers, int Mixed, int Neutral)
{
    public int Total => Facilitators + Barriers + Mixed + Neutral;
}

public sealed record MatrixRow(Code Code, string GroupName, IReadOnlyList<MatrixCell> Cells)
{
    public MatrixCell Sum => new(Cells.Sum(c => c.Facilitators), Cells.Sum(c => c.Barriers), Cells.Sum(c => c.Mixed), Cells.Sum(c => c.Neutral));
}

/// <summary>Determinants (rows) against phases or groups (columns).</summary>
public sealed record CodeMatrix(IReadOnlyList<(string Key, string Label)> Columns, IReadOnlyList<MatrixRow> Rows);

public sealed record CodeFrequency(Code Code, string CodebookName, int Codings, int Documents, int Facilitators, int Barriers);
