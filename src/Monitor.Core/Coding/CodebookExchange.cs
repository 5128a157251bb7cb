using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Interop.Refi;

namespace Monitor.Core.Coding;

/// <summary>
/// Codebooks as REFI-QDA .qdc files: export of any codebook a project can use, import as a new project
/// codebook (one transaction). REFI has one description per code, so definition and coding guidance travel
/// together, separated by the line "Codeerinstructie:"; the English name has no slot and stays behind.
/// </summary>
public sealed class CodebookExchange
{
    public const long MaxQdcBytes = 5 * 1024 * 1024;
    internal const string GuidanceMarker = "\n\nCodeerinstructie: ";

    private readonly MonitorDatabase _database;
    private readonly CodebookStore _codebooks;
    private readonly AuditStore _audit;

    public CodebookExchange(MonitorDatabase database, CodebookStore codebooks, AuditStore audit)
    {
        _database = database;
        _codebooks = codebooks;
        _audit = audit;
    }

    /// <summary>Writes a codebook as .qdc; false when the project cannot use that codebook.</summary>
    public async Task<bool> ExportAsync(long projectId, long codebookId, Stream output, CancellationToken cancellationToken = default)
    {
        var book = (await _codebooks.ListCodebooksAsync(projectId, cancellationToken)).FirstOrDefault(b => b.Id == codebookId);
        if (book is null)
        {
            return false;
        }

        QdcWriter.Write(new RefiCodebook("ImplementatieMonitor", ToRefiCodes(book.Codes, null)), output);
        return true;
    }

    internal static IReadOnlyList<RefiCode> ToRefiCodes(IReadOnlyList<Code> codes, long? parentId) =>
        codes.Where(c => c.ParentId == parentId)
            .Select(c => new RefiCode(c.Guid, c.NameNl, c.IsCodable, c.Color, Describe(c), ToRefiCodes(codes, c.Id)))
            .ToList();

    internal static string? Describe(Code code)
    {
        var text = code.Guidance.Length > 0 ? code.Definition + GuidanceMarker + code.Guidance : code.Definition;
        return text.Length == 0 ? null : text;
    }

    internal static (string Definition, string Guidance) Split(string? description)
    {
        if (string.IsNullOrEmpty(description))
        {
            return ("", "");
        }

        var at = description.IndexOf(GuidanceMarker, StringComparison.Ordinal);
        return at < 0 ? (description, "") : (description[..at], description[(at + GuidanceMarker.Length)..]);
    }

    /// <summary>
    /// Reads a .qdc into a new codebook of the project. A code whose GUID the project already uses (the same codebook
    /// imported twice, a colleague's export of a built-in codebook) gets a new GUID, derived from the new codebook's,
    /// so that the project's exports stay valid; <c>NewGuids</c> counts them. Bad files give a Dutch message naming
    /// what is wrong; nothing is saved then.
    /// </summary>
    public async Task<(string Name, int Codes, int NewGuids)> ImportCodebookAsync(long projectId, string name, Stream input, Actor actor, CancellationToken cancellationToken = default)
    {
        RefiCodebook codebook;
        try
        {
            codebook = QdcReader.Read(input, MaxQdcBytes);
        }
        catch (RefiImportException ex)
        {
            throw new ValidationException([new ValidationError("file", ex.Message)]);
        }

        var bookName = string.IsNullOrWhiteSpace(name) ? "Geïmporteerd codeboek" : name.Trim();
        if (bookName.Length > CodebookStore.CodeNameMaxLength)
        {
            bookName = bookName[..CodebookStore.CodeNameMaxLength];
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var bookGuid = Guid.NewGuid();
        var bookId = await _codebooks.InsertCodebookAsync(connection, transaction, projectId, bookName, $"Ingelezen uit een REFI-QDA-codeboek ({codebook.Origin}).", bookGuid, cancellationToken);
        var taken = (await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken))
            .SelectMany(b => b.Codes.Select(c => c.Guid).Prepend(b.Guid)).ToHashSet();
        var count = 0;
        var newGuids = 0;
        async Task AddAsync(IReadOnlyList<RefiCode> codes, long? parentId)
        {
            foreach (var code in codes)
            {
                var (definition, guidance) = Split(code.Description);
                var draft = new CodeDraft(Trim(code.Name, CodebookStore.CodeNameMaxLength), "", Trim(definition, CodebookStore.CodeTextMaxLength), Trim(guidance, CodebookStore.CodeTextMaxLength), parentId,
                    code.Color is { Length: 7 } color && color[0] == '#' ? color : null, code.IsCodable);
                if (draft.NameNl.Trim().Length == 0)
                {
                    throw new ValidationException([new ValidationError("file", $"Code {code.Guid} in het codeboek heeft geen naam.")]);
                }

                var guid = code.Guid;
                if (!taken.Add(guid))
                {
                    guid = StableGuid.From($"qdc:{bookGuid}:{code.Guid}");
                    taken.Add(guid);
                    newGuids++;
                }

                var id = await _codebooks.InsertCodeAsync(connection, transaction, bookId, draft, guid, cancellationToken);
                count++;
                await AddAsync(code.Children, id);
            }
        }

        await AddAsync(codebook.Codes, null);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("codebook", bookId, projectId, new Dictionary<string, string?>
        {
            ["name"] = bookName,
            ["importedCodes"] = count.ToString(CultureInfo.InvariantCulture),
            ["newGuids"] = newGuids.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (bookName, count, newGuids);
    }

    internal static string Trim(string text, int max) => text.Length <= max ? text : text[..max];
}
