using System.Data.Common;
using System.Globalization;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Portfolio;

namespace Monitor.Core.Coding;

/// <summary>
/// The documents to code, each with immutable text versions: minutes of held meetings and closing reflections
/// (kept in step with their source) and uploaded interviews and questionnaires. Offsets into a version are
/// Unicode code points, end exclusive. Every write runs in one transaction with its audit entry.
/// </summary>
public sealed class CodingDocumentStore
{
    public const int TitleMaxLength = 300;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public CodingDocumentStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>
    /// The documents of a project to code. Minutes of held meetings and closing reflections become documents
    /// on first sight; minutes edited since their last version get a new version here (codings move along
    /// where their fragment is unchanged, see <see cref="OffsetMapper"/>).
    /// </summary>
    public async Task<IReadOnlyList<CodingDocument>> ListDocumentsAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await SyncDocumentsAsync(connection, transaction, projectId, cancellationToken);
        var documents = await ReadDocumentsAsync(connection, transaction, projectId, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return documents;
    }

    /// <summary>One document with its current text; null when it is not in this project.</summary>
    public async Task<(CodingDocument Document, DocumentVersion Version)?> FindDocumentAsync(long projectId, long documentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        // minutes may have been edited since the last look
        await SyncDocumentsAsync(connection, transaction, projectId, cancellationToken);
        var document = (await ReadDocumentsAsync(connection, transaction, projectId, documentId, cancellationToken)).SingleOrDefault();
        if (document is null)
        {
            return null;
        }

        var version = await ReadVersionAsync(connection, transaction, document.VersionId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (document, version);
    }

    /// <summary>Brings the documents of a project in step with its minutes and reflections (inside the caller's transaction).</summary>
    internal async Task SyncDocumentsAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken)
    {
        const string minutesSql = """
            SELECT m.id, g.name, m.held_on, m.minutes, d.id, v.id, v.text
            FROM meetings m JOIN project_groups g ON g.id = m.group_id
            LEFT JOIN coding_documents d ON d.kind = 'verslag' AND d.meeting_id = m.id
            LEFT JOIN document_versions v ON v.document_id = d.id AND v.number = (SELECT max(number) FROM document_versions WHERE document_id = d.id)
            WHERE g.project_id = @project AND m.status = 'gehouden' AND m.minutes <> '';
            """;
        const string reflectionsSql = """
            SELECT m.id, r.id, g.name, m.held_on, g.reflections_anonymous, coalesce(gm.role_label, gu.name, ''), r.went_well, r.went_less, d.id, v.id, v.text
            FROM reflections r JOIN meetings m ON m.id = r.meeting_id JOIN project_groups g ON g.id = m.group_id
            LEFT JOIN group_members gm ON gm.id = r.member_id
            LEFT JOIN meeting_guests gu ON gu.id = r.guest_id
            LEFT JOIN coding_documents d ON d.reflection_id = r.id
            LEFT JOIN document_versions v ON v.document_id = d.id AND v.number = (SELECT max(number) FROM document_versions WHERE document_id = d.id)
            WHERE g.project_id = @project AND (r.went_well <> '' OR r.went_less <> '');
            """;
        const string insertSql = """
            INSERT INTO coding_documents (project_id, kind, meeting_id, reflection_id, title, guid, created_at, created_by)
            VALUES (@project, @kind, @meeting, @reflection, @title, @guid, @now, 'Systeem') RETURNING id;
            """;
        var sources = await connection.QueryAsync(transaction, minutesSql, reader => new DocumentSource(
            "verslag", reader.GetInt64(0), null, $"Verslag {reader.GetString(1)} {reader.GetDate(2):d-M-yyyy}", reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.GetStringOrNull(6)), cancellationToken, ("@project", projectId));
        sources.AddRange(await connection.QueryAsync(transaction, reflectionsSql, reader =>
        {
            var who = reader.GetFlag(4) ? "anoniem" : reader.GetString(5);
            return new DocumentSource("reflectie", reader.GetInt64(0), reader.GetInt64(1), $"Reflectie {who}, {reader.GetString(2)} {reader.GetDate(3):d-M-yyyy}",
                ReflectionText(reader.GetString(6), reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetInt64(9), reader.GetStringOrNull(10));
        }, cancellationToken, ("@project", projectId)));

        foreach (var source in sources)
        {
            var text = TextNormalizer.Normalize(source.Text);
            if (source.DocumentId is not { } documentId)
            {
                var id = await connection.InsertAsync(transaction, insertSql, cancellationToken, ("@project", projectId), ("@kind", source.Kind), ("@meeting", source.MeetingId),
                    ("@reflection", source.ReflectionId), ("@title", Shorten(source.Title)), ("@guid", Guid.NewGuid().ToString()), ("@now", Now()));
                await InsertVersionAsync(connection, transaction, id, 1, text, "Systeem", cancellationToken);
            }
            else if (!string.Equals(source.CurrentText, text, StringComparison.Ordinal))
            {
                // the codings move to the new version or stay behind unplaced
                await AddVersionAsync(connection, transaction, documentId, source.VersionId!.Value, source.CurrentText ?? "", text, "Systeem", cancellationToken);
                await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);
            }
        }
    }

    /// <summary>The text of a reflection as a document: the two answers to the closing question.</summary>
    public static string ReflectionText(string wentWell, string wentLess)
    {
        var parts = new List<string>(2);
        if (wentWell.Length > 0)
        {
            parts.Add("Wat werkte wel: " + wentWell);
        }

        if (wentLess.Length > 0)
        {
            parts.Add("Wat werkte minder: " + wentLess);
        }

        return string.Join("\n\n", parts);
    }

    // A title is never cut silently: a visible ellipsis says the rest is in the source (meeting or upload).
    private static string Shorten(string text) => text.Length <= TitleMaxLength ? text : text[..(TitleMaxLength - 1)].TrimEnd() + "…";

    private async Task InsertVersionAsync(DbConnection connection, DbTransaction transaction, long documentId, int number, string text, string by, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO document_versions (document_id, number, text, length, created_at, created_by) VALUES (@document, @number, @text, @length, @now, @by);
            """;
        await connection.ExecuteAsync(transaction, sql, cancellationToken,
            ("@document", documentId), ("@number", number), ("@text", text), ("@length", CodePoints.Length(text)), ("@now", Now()), ("@by", by));
    }

    /// <summary>
    /// Writes a new version and moves the codings of the old one where their fragment is unchanged; the others
    /// stay on the old version marked as not placed. Returns how many could not be placed.
    /// </summary>
    private async Task<int> AddVersionAsync(DbConnection connection, DbTransaction transaction, long documentId, long oldVersionId, string oldText, string newText, string by, CancellationToken cancellationToken)
    {
        var number = (int)(await connection.ScalarLongAsync(transaction, "SELECT max(number) FROM document_versions WHERE document_id = @id;", cancellationToken, ("@id", documentId)) ?? 0) + 1;
        await InsertVersionAsync(connection, transaction, documentId, number, newText, by, cancellationToken);
        var newVersionId = await connection.ScalarLongAsync(transaction, "SELECT id FROM document_versions WHERE document_id = @id AND number = @number;", cancellationToken, ("@id", documentId), ("@number", number));
        var codings = await connection.QueryAsync(transaction, "SELECT id, start_pos, end_pos FROM codings WHERE version_id = @version AND unplaced_at IS NULL;",
            reader => (Id: reader.GetInt64(0), Start: reader.GetInt32(1), End: reader.GetInt32(2)), cancellationToken, ("@version", oldVersionId));
        if (codings.Count == 0)
        {
            return 0;
        }

        var mapped = OffsetMapper.Map(oldText, newText, codings.Select(c => new TextSpan(c.Start, c.End)).ToList());
        var unplaced = 0;
        for (var i = 0; i < codings.Count; i++)
        {
            if (mapped[i] is { } span)
            {
                await connection.ExecuteAsync(transaction, "UPDATE codings SET version_id = @version, start_pos = @start, end_pos = @end WHERE id = @id;", cancellationToken,
                    ("@id", codings[i].Id), ("@version", newVersionId!.Value), ("@start", span.Start), ("@end", span.End));
            }
            else
            {
                unplaced++;
                await connection.ExecuteAsync(transaction, "UPDATE codings SET unplaced_at = @now WHERE id = @id;", cancellationToken, ("@id", codings[i].Id), ("@now", Now()));
            }
        }

        return unplaced;
    }

    /// <summary>The source types of an uploaded document; an observation (of a work session, seed 000) needs the date observed.</summary>
    public static readonly IReadOnlyList<string> UploadSourceTypes = ["interview", "observatie", "vragenlijst", "overig"];

    /// <summary>Adds an uploaded document (text already read and normalised by <see cref="DocumentText"/>), with the date it records if known.</summary>
    public async Task<long> AddUploadAsync(long projectId, string title, string sourceType, string fileName, string text, DateOnly? heldOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "title", title, TitleMaxLength, "de titel");
        if (!UploadSourceTypes.Contains(sourceType))
        {
            errors.Add(new ValidationError("sourceType", "Kies het soort document: interview, observatie, vragenlijst of overig."));
        }
        else if (sourceType == "observatie" && heldOn is null)
        {
            errors.Add(new ValidationError("heldOn", "Vul de datum van de observatie in (jjjj-mm-dd)."));
        }

        var normalised = TextNormalizer.Normalize(text);
        if (normalised.Trim().Length == 0)
        {
            errors.Add(new ValidationError("file", "Het document bevat geen tekst."));
        }
        else if (CodePoints.Length(normalised) > DocumentText.MaxCodePoints)
        {
            errors.Add(new ValidationError("file", $"Het document is te lang: hoogstens {DocumentText.MaxCodePoints} tekens."));
        }

        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var id = await InsertUploadAsync(connection, transaction, projectId, title.Trim(), sourceType, fileName, normalised, Guid.NewGuid(), heldOn, actor.Name, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("codingDocument", id, projectId, new Dictionary<string, string?>
        {
            ["title"] = title.Trim(),
            ["file"] = fileName,
            ["length"] = CodePoints.Length(normalised).ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Writes an uploaded document and its first version inside the caller's transaction (the caller audits).</summary>
    internal async Task<long> InsertUploadAsync(DbConnection connection, DbTransaction transaction, long projectId, string title, string sourceType, string fileName, string normalisedText, Guid guid, DateOnly? heldOn, string by, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO coding_documents (project_id, kind, title, source_type, file_name, guid, held_on, created_at, created_by)
            VALUES (@project, 'upload', @title, @type, @file, @guid, @held_on, @now, @by) RETURNING id;
            """;
        var id = await connection.InsertAsync(transaction, sql, cancellationToken, ("@project", projectId), ("@title", Shorten(title)), ("@type", sourceType),
            ("@file", fileName.Length > 260 ? fileName[..260] : fileName), ("@guid", guid.ToString()), ("@held_on", heldOn.ToDbValue()), ("@now", Now()), ("@by", by));
        await InsertVersionAsync(connection, transaction, id, 1, normalisedText, by, cancellationToken);
        return id;
    }

    internal static async Task<DocumentVersion> ReadVersionAsync(DbConnection connection, DbTransaction? transaction, long versionId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT id, document_id, number, text, length, created_at, created_by FROM document_versions WHERE id = @id;";
        return await connection.QueryFirstAsync(transaction, sql, reader => new DocumentVersion(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetInt32(4), DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.GetString(6)), cancellationToken, ("@id", versionId))
            ?? throw new InvalidOperationException($"Document version {versionId} does not exist.");
    }

    /// <summary>The documents of a project (or the one with <paramref name="documentId"/>), each with its current version and count of visible codings.</summary>
    internal static async Task<List<CodingDocument>> ReadDocumentsAsync(DbConnection connection, DbTransaction? transaction, long projectId, long? documentId, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT d.id, d.kind, d.meeting_id, d.reflection_id, d.title, d.source_type, d.file_name, d.guid, d.created_at,
                   v.id, v.number, v.length, g.id, g.name, coalesce(m.held_on, d.held_on),
                   (SELECT count(*) FROM codings c WHERE c.version_id = v.id AND c.removed_at IS NULL AND c.unplaced_at IS NULL AND (c.round_id IS NULL OR c.is_consensus = 1))
            FROM coding_documents d
            JOIN document_versions v ON v.document_id = d.id AND v.number = (SELECT max(number) FROM document_versions WHERE document_id = d.id)
            LEFT JOIN meetings m ON m.id = d.meeting_id
            LEFT JOIN project_groups g ON g.id = m.group_id
            WHERE d.project_id = @project {(documentId is null ? "" : "AND d.id = @document")}
            ORDER BY coalesce(m.held_on, d.held_on) IS NULL, coalesce(m.held_on, d.held_on), g.name, d.kind DESC, d.title, d.id;
            """;
        return await connection.QueryAsync(transaction, sql, reader => new CodingDocument
        {
            Id = reader.GetInt64(0),
            ProjectId = projectId,
            Kind = Codes.Parse<DocumentKind>(reader.GetString(1)),
            MeetingId = reader.IsDBNull(2) ? null : reader.GetInt64(2),
            ReflectionId = reader.IsDBNull(3) ? null : reader.GetInt64(3),
            Title = reader.GetString(4),
            SourceType = reader.GetString(5),
            FileName = reader.GetString(6),
            Guid = Guid.Parse(reader.GetString(7)),
            CreatedAt = DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture),
            VersionId = reader.GetInt64(9),
            VersionNumber = reader.GetInt32(10),
            Length = reader.GetInt32(11),
            GroupId = reader.IsDBNull(12) ? null : reader.GetInt64(12),
            GroupName = reader.GetStringOrNull(13),
            HeldOn = reader.GetDateOrNull(14),
            CodingCount = reader.GetInt32(15),
        }, cancellationToken, ("@project", projectId), ("@document", documentId ?? 0));
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A meeting's minutes or a reflection, with the document made from it so far (if any) and its current text.</summary>
    private sealed record DocumentSource(string Kind, long MeetingId, long? ReflectionId, string Title, string Text, long? DocumentId, long? VersionId, string? CurrentText);
}
