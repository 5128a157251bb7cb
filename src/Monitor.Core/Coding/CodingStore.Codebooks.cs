using Microsoft.Data.Sqlite;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Coding;

public sealed partial class CodingStore
{
    private const string CodeColumns = "c.id, c.codebook_id, c.parent_id, c.key, c.name_nl, c.name_en, c.definition, c.guidance, c.is_codable, c.position, c.color, c.guid";

    /// <summary>The built-in codebooks (MIDI, Movisie, Bowen) and the project's own, each with its codes in tree order.</summary>
    public async Task<IReadOnlyList<Codebook>> ListCodebooksAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await ReadCodebooksAsync(connection, null, projectId, cancellationToken);
    }

    internal static async Task<IReadOnlyList<Codebook>> ReadCodebooksAsync(SqliteConnection connection, SqliteTransaction? transaction, long projectId, CancellationToken cancellationToken)
    {
        var codes = new Dictionary<long, List<Code>>();
        await using (var command = connection.Command(transaction, $"""
            SELECT {CodeColumns} FROM codes c JOIN codebooks b ON b.id = c.codebook_id
            WHERE b.project_id IS NULL OR b.project_id = @project ORDER BY c.codebook_id, c.position, c.id;
            """, ("@project", projectId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var code = ReadCode(reader);
                if (!codes.TryGetValue(code.CodebookId, out var list))
                {
                    codes[code.CodebookId] = list = [];
                }

                list.Add(code);
            }
        }

        var books = new List<Codebook>();
        await using (var command = connection.Command(transaction, """
            SELECT id, project_id, framework, name, version, description, guid FROM codebooks
            WHERE project_id IS NULL OR project_id = @project ORDER BY project_id IS NOT NULL, id;
            """, ("@project", projectId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                books.Add(new Codebook(id, reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetStringOrNull(2), reader.GetString(3), reader.GetString(4),
                    reader.GetString(5), Guid.Parse(reader.GetString(6)), TreeOrder(codes.GetValueOrDefault(id) ?? [])));
            }
        }

        return books;
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

    private static Code ReadCode(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetStringOrNull(3),
        reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetFlag(8), reader.GetInt32(9),
        reader.GetStringOrNull(10), Guid.Parse(reader.GetString(11)));

    /// <summary>A code this project may use (built-in or its own codebook); null otherwise.</summary>
    internal static async Task<Code?> FindUsableCodeAsync(SqliteConnection connection, SqliteTransaction? transaction, long projectId, long codeId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, $"""
            SELECT {CodeColumns} FROM codes c JOIN codebooks b ON b.id = c.codebook_id
            WHERE c.id = @id AND (b.project_id IS NULL OR b.project_id = @project);
            """, ("@id", codeId), ("@project", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadCode(reader) : null;
    }

    /// <summary>Creates a project codebook for custom codes.</summary>
    public async Task<long> CreateCodebookAsync(long projectId, string name, string description, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", name, CodeNameMaxLength, "de naam van het codeboek");
        Checks.Optional(errors, "description", description, CodeTextMaxLength, "de beschrijving");
        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var id = await InsertCodebookAsync(connection, transaction, projectId, name.Trim(), description.Trim(), Guid.NewGuid(), cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("codebook", id, projectId, new Dictionary<string, string?> { ["name"] = name.Trim() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    internal async Task<long> InsertCodebookAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, string name, string description, Guid guid, CancellationToken cancellationToken) =>
        await connection.InsertAsync(transaction, """
            INSERT INTO codebooks (project_id, framework, name, version, description, guid, created_at)
            VALUES (@project, NULL, @name, '1', @description, @guid, @now) RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@name", name), ("@description", description), ("@guid", guid.ToString()), ("@now", Now()));

    /// <summary>Adds a custom code to one of the project's codebooks. Null when the codebook is not the project's own.</summary>
    public async Task<long?> AddCodeAsync(long projectId, long codebookId, CodeDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        CheckDraft(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
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

    internal async Task<long> InsertCodeAsync(SqliteConnection connection, SqliteTransaction transaction, long codebookId, CodeDraft draft, Guid guid, CancellationToken cancellationToken)
    {
        var position = await connection.ScalarLongAsync(transaction, "SELECT coalesce(max(position), 0) + 1 FROM codes WHERE codebook_id = @book;", cancellationToken, ("@book", codebookId)) ?? 1;
        return await connection.InsertAsync(transaction, """
            INSERT INTO codes (codebook_id, parent_id, key, name_nl, name_en, definition, guidance, is_codable, position, color, guid, created_at)
            VALUES (@book, @parent, NULL, @name_nl, @name_en, @definition, @guidance, @codable, @position, @color, @guid, @now) RETURNING id;
            """, cancellationToken, ("@book", codebookId), ("@parent", draft.ParentId is { } p ? p : DBNull.Value), ("@name_nl", draft.NameNl.Trim()),
            ("@name_en", draft.NameEn.Trim()), ("@definition", draft.Definition.Trim()), ("@guidance", draft.Guidance.Trim()), ("@codable", draft.IsCodable ? 1 : 0),
            ("@position", position), ("@color", draft.Color.ToDbValue()), ("@guid", guid.ToString()), ("@now", Now()));
    }

    /// <summary>Renames, describes or moves (new parent) a custom code. False when it is not a code of the project's own codebooks.</summary>
    public async Task<bool> UpdateCodeAsync(long projectId, long codeId, CodeDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        CheckDraft(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var before = await FindOwnCodeAsync(connection, transaction, projectId, codeId, cancellationToken);
        if (before is null)
        {
            return false;
        }

        await CheckParentAsync(connection, transaction, before.CodebookId, codeId, draft.ParentId, cancellationToken);
        await connection.ExecuteAsync(transaction, """
            UPDATE codes SET parent_id = @parent, name_nl = @name_nl, name_en = @name_en, definition = @definition, guidance = @guidance,
                is_codable = @codable, color = @color WHERE id = @id;
            """, cancellationToken, ("@id", codeId), ("@parent", draft.ParentId is { } p ? p : DBNull.Value), ("@name_nl", draft.NameNl.Trim()),
            ("@name_en", draft.NameEn.Trim()), ("@definition", draft.Definition.Trim()), ("@guidance", draft.Guidance.Trim()),
            ("@codable", draft.IsCodable ? 1 : 0), ("@color", draft.Color.ToDbValue()));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("code", codeId, projectId,
            new Dictionary<string, string?> { ["name"] = before.NameNl, ["parent"] = before.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Dictionary<string, string?> { ["name"] = draft.NameNl.Trim(), ["parent"] = draft.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) }), cancellationToken);
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
        await using var transaction = connection.BeginTransaction(deferred: false);
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
        var newParent = target.CodebookId == source.CodebookId ? (object)intoCodeId : source.ParentId is { } p ? p : DBNull.Value;
        await connection.ExecuteAsync(transaction, "UPDATE codes SET parent_id = @parent WHERE parent_id = @id;", cancellationToken, ("@id", codeId), ("@parent", newParent));
        await connection.ExecuteAsync(transaction, "DELETE FROM codes WHERE id = @id;", cancellationToken, ("@id", codeId));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("code", codeId, projectId, new Dictionary<string, string?>
        {
            ["name"] = source.NameNl,
            ["mergedInto"] = target.NameNl,
            ["codingsMoved"] = moved.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<Code?> FindOwnCodeAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, long codeId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, $"""
            SELECT {CodeColumns} FROM codes c JOIN codebooks b ON b.id = c.codebook_id WHERE c.id = @id AND b.project_id = @project;
            """, ("@id", codeId), ("@project", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadCode(reader) : null;
    }

    private static async Task CheckParentAsync(SqliteConnection connection, SqliteTransaction transaction, long codebookId, long? codeId, long? parentId, CancellationToken cancellationToken)
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

            await using var command = connection.Command(transaction, "SELECT codebook_id, parent_id FROM codes WHERE id = @id;", ("@id", c));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || reader.GetInt64(0) != codebookId)
            {
                throw new ValidationException([new ValidationError("parentId", "De bovenliggende code hoort niet bij dit codeboek.")]);
            }

            current = reader.IsDBNull(1) ? null : reader.GetInt64(1);
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
        if (draft.Color is { } color && !System.Text.RegularExpressions.Regex.IsMatch(color, "^#[0-9A-Fa-f]{6}$"))
        {
            errors.Add(new ValidationError("color", "Een kleur is een hexcode als #1F77B4."));
        }

        Checks.ThrowIfAny(errors);
    }
}
