using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Portfolio;

namespace Monitor.Core.Coding;

/// <summary>
/// Codebooks and their codes: the built-in codebooks (MIDI, Movisie, Bowen) that every project can use, and the
/// project's own codebooks, whose codes can be added, renamed, moved and merged. Every write runs in one
/// transaction with its audit entry.
/// </summary>
public sealed class CodebookStore
{
    public const int CodeNameMaxLength = 200;
    public const int CodeTextMaxLength = 4000;

    private const string CodeColumns = "c.id, c.codebook_id, c.parent_id, c.key, c.name_nl, c.name_en, c.definition, c.guidance, c.is_codable, c.position, c.color, c.guid";

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public CodebookStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>The built-in codebooks (MIDI, Movisie, Bowen) and the project's own, each with its codes in tree order.</summary>
    public async Task<IReadOnlyList<Codebook>> ListCodebooksAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return await ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
    }

    internal static async Task<IReadOnlyList<Codebook>> ReadCodebooksAsync(DbConnection connection, DbTransaction? transaction, long projectId, CancellationToken cancellationToken)
    {
        const string codesSql = $"""
            SELECT {CodeColumns} FROM codes c JOIN codebooks b ON b.id = c.codebook_id
            WHERE b.project_id IS NULL OR b.project_id = @project ORDER BY c.codebook_id, c.position, c.id;
            """;
        const string booksSql = """
            SELECT id, project_id, framework, name, version, description, guid FROM codebooks
            WHERE project_id IS NULL OR project_id = @project ORDER BY project_id IS NOT NULL, id;
            """;
        var codes = (await connection.QueryAsync(transaction, codesSql, ReadCode, cancellationToken, ("@project", projectId)))
            .GroupBy(c => c.CodebookId).ToDictionary(g => g.Key, g => g.ToList());
        return await connection.QueryAsync(transaction, booksSql, reader =>
        {
            var id = reader.GetInt64(0);
            return new Codebook(id, reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetStringOrNull(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), Guid.Parse(reader.GetString(6)), TreeOrder(codes.GetValueOrDefault(id) ?? []));
        }, cancellationToken, ("@project", projectId));
    }

    /// <summary>Codes sorted depth-first: every parent directly followed by its children.</summary>
    private static List<Code> TreeOrder(List<Code> codes)
    {
        var byParent = codes.ToLookup(c => c.ParentId);
        var ids = codes.Select(c => c.Id).ToHashSet();
        var result = new List<Code>(codes.Count);
        void Visit(long? parent)
        {
            foreach (var code in byParent[parent].OrderBy(c => c.Position).ThenBy(c => c.Id))
            {
                result.Add(code);
                Visit(code.Id);
            }
        }

        Visit(null);
        // orphans (parent in another codebook cannot happen, but never lose a code)
        result.AddRange(codes.Where(c => c.ParentId is { } p && !ids.Contains(p)));
        return result;
    }

    private static Code ReadCode(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetStringOrNull(3),
        reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetFlag(8), reader.GetInt32(9),
        reader.GetStringOrNull(10), Guid.Parse(reader.GetString(11)));

    /// <summary>A code this project may use (built-in or its own codebook); null otherwise.</summary>
    internal static async Task<Code?> FindUsableCodeAsync(DbConnection connection, DbTransaction? transaction, long projectId, long codeId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {CodeColumns} FROM codes c JOIN codebooks b ON b.id = c.codebook_id
            WHERE c.id = @id AND (b.project_id IS NULL OR b.project_id = @project);
            """;
        return await connection.QueryFirstAsync(transaction, sql, ReadCode, cancellationToken, ("@id", codeId), ("@project", projectId));
    }

    /// <summary>A code of one of the project's own codebooks; null for built-in codes and codes of other projects.</summary>
    private static async Task<Code?> FindOwnCodeAsync(DbConnection connection, DbTransaction transaction, long projectId, long codeId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {CodeColumns} FROM codes c JOIN codebooks b ON b.id = c.codebook_id WHERE c.id = @id AND b.project_id = @project;
            """;
        return await connection.QueryFirstAsync(transaction, sql, ReadCode, cancellationToken, ("@id", codeId), ("@project", projectId));
    }

    /// <summary>Creates a project codebook for custom codes.</summary>
    public async Task<long> CreateCodebookAsync(long projectId, string name, string description, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", name, CodeNameMaxLength, "de naam van het codeboek");
        Checks.Optional(errors, "description", description, CodeTextMaxLength, "de beschrijving");
        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var id = await InsertCodebookAsync(connection, transaction, projectId, name.Trim(), description.Trim(), Guid.NewGuid(), cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("codebook", id, projectId, new Dictionary<string, string?> { ["name"] = name.Trim() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Writes a project codebook inside the caller's transaction (the caller audits).</summary>
    internal async Task<long> InsertCodebookAsync(DbConnection connection, DbTransaction transaction, long projectId, string name, string description, Guid guid, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO codebooks (project_id, framework, name, version, description, guid, created_at)
            VALUES (@project, NULL, @name, '1', @description, @guid, @now) RETURNING id;
            """;
        return await connection.InsertAsync(transaction, sql, cancellationToken,
            ("@project", projectId), ("@name", name), ("@description", description), ("@guid", guid.ToString()), ("@now", Now()));
    }

    /// <summary>
    /// Deletes one of the project's own codebooks with its codes, provided none of its codes has a coding (removed
    /// codings kept for undo go with it). False when the codebook is not the project's own; a Dutch refusal when coded.
    /// </summary>
    public async Task<bool> DeleteCodebookAsync(long projectId, long codebookId, Actor actor, CancellationToken cancellationToken = default)
    {
        const string bookSql = "SELECT name FROM codebooks WHERE id = @id AND project_id = @project;";
        const string codedSql = """
            SELECT count(*) FROM codings c JOIN codes k ON k.id = c.code_id WHERE k.codebook_id = @id AND c.removed_at IS NULL;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarAsync(transaction, bookSql, cancellationToken, ("@id", codebookId), ("@project", projectId)) is not string name)
        {
            return false;
        }

        var coded = await connection.ScalarLongAsync(transaction, codedSql, cancellationToken, ("@id", codebookId)) ?? 0;
        if (coded > 0)
        {
            throw new ValidationException([new ValidationError("codebookId",
                $"'{name}' heeft {coded.ToString(CultureInfo.InvariantCulture)} coderingen en kan niet worden verwijderd. Voeg de codes eerst samen met andere codes of verwijder de coderingen.")]);
        }

        var codes = await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM codes WHERE codebook_id = @id;", cancellationToken, ("@id", codebookId)) ?? 0;
        await connection.ExecuteAsync(transaction, "DELETE FROM codebooks WHERE id = @id;", cancellationToken, ("@id", codebookId));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("codebook", codebookId, projectId, new Dictionary<string, string?>
        {
            ["name"] = name,
            ["codes"] = codes.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds a custom code to one of the project's codebooks. Null when the codebook is not the project's own.</summary>
    public async Task<long?> AddCodeAsync(long projectId, long codebookId, CodeDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        CheckDraft(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarLongAsync(transaction, "SELECT id FROM codebooks WHERE id = @id AND project_id = @project;", cancellationToken, ("@id", codebookId), ("@project", projectId)) is null)
        {
            return null;
        }

        await CheckParentAsync(connection, transaction, codebookId, null, draft.ParentId, cancellationToken);
        var id = await InsertCodeAsync(connection, transaction, codebookId, draft, Guid.NewGuid(), cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("code", id, projectId, new Dictionary<string, string?> { ["name"] = draft.NameNl.Trim() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Writes a code at the end of its codebook inside the caller's transaction (the caller audits).</summary>
    internal async Task<long> InsertCodeAsync(DbConnection connection, DbTransaction transaction, long codebookId, CodeDraft draft, Guid guid, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO codes (codebook_id, parent_id, key, name_nl, name_en, definition, guidance, is_codable, position, color, guid, created_at)
            VALUES (@book, @parent, NULL, @name_nl, @name_en, @definition, @guidance, @codable, @position, @color, @guid, @now) RETURNING id;
            """;
        var position = await connection.ScalarLongAsync(transaction, "SELECT coalesce(max(position), 0) + 1 FROM codes WHERE codebook_id = @book;", cancellationToken, ("@book", codebookId)) ?? 1;
        return await connection.InsertAsync(transaction, sql, cancellationToken, ("@book", codebookId), ("@parent", draft.ParentId), ("@name_nl", draft.NameNl.Trim()),
            ("@name_en", draft.NameEn.Trim()), ("@definition", draft.Definition.Trim()), ("@guidance", draft.Guidance.Trim()), ("@codable", draft.IsCodable ? 1 : 0),
            ("@position", position), ("@color", draft.Color), ("@guid", guid.ToString()), ("@now", Now()));
    }

    /// <summary>Renames, describes or moves (new parent) a custom code. False when it is not a code of the project's own codebooks.</summary>
    public async Task<bool> UpdateCodeAsync(long projectId, long codeId, CodeDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE codes SET parent_id = @parent, name_nl = @name_nl, name_en = @name_en, definition = @definition, guidance = @guidance,
                is_codable = @codable, color = @color WHERE id = @id;
            """;
        CheckDraft(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var before = await FindOwnCodeAsync(connection, transaction, projectId, codeId, cancellationToken);
        if (before is null)
        {
            return false;
        }

        await CheckParentAsync(connection, transaction, before.CodebookId, codeId, draft.ParentId, cancellationToken);
        await connection.ExecuteAsync(transaction, sql, cancellationToken, ("@id", codeId), ("@parent", draft.ParentId), ("@name_nl", draft.NameNl.Trim()),
            ("@name_en", draft.NameEn.Trim()), ("@definition", draft.Definition.Trim()), ("@guidance", draft.Guidance.Trim()),
            ("@codable", draft.IsCodable ? 1 : 0), ("@color", draft.Color));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("code", codeId, projectId,
            new Dictionary<string, string?> { ["name"] = before.NameNl, ["parent"] = before.ParentId?.ToString(CultureInfo.InvariantCulture) },
            new Dictionary<string, string?> { ["name"] = draft.NameNl.Trim(), ["parent"] = draft.ParentId?.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Merges a custom code into another code of the same project (built-in or own): its codings and child
    /// codes move to the target and the code is removed. False when either code is not usable here.
    /// </summary>
    public async Task<bool> MergeCodeAsync(long projectId, long codeId, long intoCodeId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (codeId == intoCodeId)
        {
            throw new ValidationException([new ValidationError("into", "Kies een andere code om mee samen te voegen.")]);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var source = await FindOwnCodeAsync(connection, transaction, projectId, codeId, cancellationToken);
        var target = await FindUsableCodeAsync(connection, transaction, projectId, intoCodeId, cancellationToken);
        if (source is null || target is null)
        {
            return false;
        }

        if (!target.IsCodable)
        {
            throw new ValidationException([new ValidationError("into", $"'{target.NameNl}' is een groep en geen code om mee te coderen.")]);
        }

        var moved = await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM codings WHERE code_id = @id;", cancellationToken, ("@id", codeId)) ?? 0;
        await connection.ExecuteAsync(transaction, "UPDATE codings SET code_id = @into WHERE code_id = @id;", cancellationToken, ("@id", codeId), ("@into", intoCodeId));
        // a MIDI code merged into another (or the other way round) moves barrier counts of every project coding with it
        await PortfolioFigures.AllChangedAsync(connection, transaction, cancellationToken);
        var newParent = target.CodebookId == source.CodebookId ? intoCodeId : source.ParentId;
        await connection.ExecuteAsync(transaction, "UPDATE codes SET parent_id = @parent WHERE parent_id = @id;", cancellationToken, ("@id", codeId), ("@parent", newParent));
        await connection.ExecuteAsync(transaction, "DELETE FROM codes WHERE id = @id;", cancellationToken, ("@id", codeId));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("code", codeId, projectId, new Dictionary<string, string?>
        {
            ["name"] = source.NameNl,
            ["mergedInto"] = target.NameNl,
            ["codingsMoved"] = moved.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task CheckParentAsync(DbConnection connection, DbTransaction transaction, long codebookId, long? codeId, long? parentId, CancellationToken cancellationToken)
    {
        if (parentId is not { } parent)
        {
            return;
        }

        // walk up from the new parent: it must be in the same codebook and must not be the code itself or below it
        long? current = parent;
        var steps = 0;
        while (current is { } c)
        {
            if (c == codeId)
            {
                throw new ValidationException([new ValidationError("parentId", "Een code kan niet onder zichzelf of onder een van haar subcodes staan.")]);
            }

            var place = await connection.QueryFirstAsync(transaction, "SELECT codebook_id, parent_id FROM codes WHERE id = @id;",
                reader => new CodePlace(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)), cancellationToken, ("@id", c));
            if (place is null || place.CodebookId != codebookId)
            {
                throw new ValidationException([new ValidationError("parentId", "De bovenliggende code hoort niet bij dit codeboek.")]);
            }

            current = place.ParentId;
            if (++steps > 100)
            {
                throw new ValidationException([new ValidationError("parentId", "De codeboom is te diep (meer dan 100 niveaus).")]);
            }
        }
    }

    private static void CheckDraft(CodeDraft draft)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "nameNl", draft.NameNl, CodeNameMaxLength, "de naam van de code");
        Checks.Optional(errors, "nameEn", draft.NameEn, CodeNameMaxLength, "de Engelse naam");
        Checks.Optional(errors, "definition", draft.Definition, CodeTextMaxLength, "de definitie");
        Checks.Optional(errors, "guidance", draft.Guidance, CodeTextMaxLength, "de codeerinstructie");
        if (draft.Color is { } color && !Regex.IsMatch(color, "^#[0-9A-Fa-f]{6}$"))
        {
            errors.Add(new ValidationError("color", "Een kleur is een hexcode als #1F77B4."));
        }

        Checks.ThrowIfAny(errors);
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Where a code hangs: its codebook and parent.</summary>
    private sealed record CodePlace(long CodebookId, long? ParentId);
}
