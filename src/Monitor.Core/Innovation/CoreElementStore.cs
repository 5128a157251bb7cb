using System.Data.Common;
using System.Globalization;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Innovation;

/// <summary>
/// The built-in frameworks of core elements (read-only) and a project's own core elements: add, rename, delete, adopt a
/// framework's items, and turn them into a project codebook so interviews and observations can be coded against them.
/// Every write is one transaction with its audit entry.
/// </summary>
public sealed class CoreElementStore
{
    public const int NameMaxLength = 200;
    public const int DeliveredWhenMaxLength = 1000;
    public const int MaxElements = 40;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly CodebookStore _codebooks;
    private readonly TimeProvider _time;

    public CoreElementStore(MonitorDatabase database, AuditStore audit, CodebookStore codebooks, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _codebooks = codebooks;
        _time = time;
    }

    public async Task<IReadOnlyList<CoreElementFramework>> ListFrameworksAsync(CancellationToken cancellationToken = default)
    {
        const string frameworksSql = "SELECT code, title_nl, title_en, version, citation, note FROM core_element_frameworks ORDER BY position;";
        const string itemsSql = """
            SELECT framework_code, number, kind, name_nl, name_en, description_nl, description_en
            FROM core_element_framework_items ORDER BY framework_code, number;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var items = (await connection.QueryAsync(transaction, itemsSql, reader => (Code: reader.GetString(0), Item: new CoreElementTemplate(reader.GetInt32(1),
                Codes.Parse<CoreElementTemplateKind>(reader.GetString(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6))), cancellationToken))
            .ToLookup(i => i.Code, i => i.Item);
        return await connection.QueryAsync(transaction, frameworksSql, reader => new CoreElementFramework
        {
            Code = reader.GetString(0),
            TitleNl = reader.GetString(1),
            TitleEn = reader.GetString(2),
            Version = reader.GetString(3),
            Citation = reader.GetString(4),
            Note = reader.GetString(5),
            Items = [.. items[reader.GetString(0)]],
        }, cancellationToken);
    }

    /// <summary>The project's core elements in their order; null when there is no such project.</summary>
    public async Task<IReadOnlyList<CoreElement>?> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return await ProjectExistsAsync(connection, transaction, projectId, cancellationToken)
            ? await ReadAsync(connection, transaction, projectId, cancellationToken)
            : null;
    }

    internal static async Task<List<CoreElement>> ReadAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken) =>
        await connection.QueryAsync(transaction, """
            SELECT id, project_id, position, name, delivered_when, framework_code, framework_number
            FROM project_core_elements WHERE project_id = @project ORDER BY position, id;
            """, reader => new CoreElement
        {
            Id = reader.GetInt64(0),
            ProjectId = reader.GetInt64(1),
            Position = reader.GetInt32(2),
            Name = reader.GetString(3),
            DeliveredWhen = reader.GetString(4),
            FrameworkCode = reader.GetStringOrNull(5),
            FrameworkNumber = reader.GetInt32OrNull(6),
        }, cancellationToken, ("@project", projectId));

    /// <summary>Adds a core element at the end; null when there is no such project.</summary>
    /// <exception cref="ValidationException">Empty or too long, a name the project already has, or too many elements; nothing was written.</exception>
    public async Task<long?> AddAsync(long projectId, string name, string deliveredWhen, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(name, deliveredWhen);
        return await WriteAsync(projectId, actor, async (connection, transaction) =>
        {
            var existing = await ReadAsync(connection, transaction, projectId, cancellationToken);
            CheckRoom(existing, [name]);
            var id = await InsertAsync(connection, transaction, projectId, existing.Count + 1, name.Trim(), deliveredWhen.Trim(), null, null, actor, cancellationToken);
            return (id, [Created(id, projectId, name.Trim(), deliveredWhen.Trim())]);
        }, cancellationToken);
    }

    /// <summary>Renames a core element or changes what counts as delivered; false when it is not in this project.</summary>
    public async Task<bool> UpdateAsync(long projectId, long elementId, string name, string deliveredWhen, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(name, deliveredWhen);
        return await WriteAsync(projectId, actor, async (connection, transaction) =>
        {
            var existing = await ReadAsync(connection, transaction, projectId, cancellationToken);
            if (existing.SingleOrDefault(e => e.Id == elementId) is not { } before)
            {
                return (0L, null);
            }

            if (existing.Any(e => e.Id != elementId && string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                throw Duplicate(name.Trim());
            }

            await connection.ExecuteAsync(transaction, "UPDATE project_core_elements SET name = @name, delivered_when = @delivered WHERE id = @id;", cancellationToken,
                ("@name", name.Trim()), ("@delivered", deliveredWhen.Trim()), ("@id", elementId));
            return (elementId, [AuditChange.Updated("coreElement", elementId, projectId,
                new Dictionary<string, string?> { ["name"] = before.Name, ["deliveredWhen"] = before.DeliveredWhen },
                new Dictionary<string, string?> { ["name"] = name.Trim(), ["deliveredWhen"] = deliveredWhen.Trim() })]);
        }, cancellationToken) is not null;
    }

    /// <summary>
    /// Deletes a core element that no checklist has ticked yet; false when it is not in this project. An element with
    /// checklists stays, as deleting it would change the fidelity already reported.
    /// </summary>
    public async Task<bool> DeleteAsync(long projectId, long elementId, Actor actor, CancellationToken cancellationToken = default) =>
        await WriteAsync(projectId, actor, async (connection, transaction) =>
        {
            var existing = await ReadAsync(connection, transaction, projectId, cancellationToken);
            if (existing.SingleOrDefault(e => e.Id == elementId) is not { } element)
            {
                return (0L, null);
            }

            var used = await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM fidelity_checklist_items WHERE element_id = @id;", cancellationToken, ("@id", elementId)) ?? 0;
            if (used > 0)
            {
                throw new ValidationException([new ValidationError("elementId",
                    $"'{element.Name}' staat op {used.ToString(CultureInfo.InvariantCulture)} ingevulde checklists en kan niet worden verwijderd; de gemeten programmatrouw zou anders veranderen.")]);
            }

            await connection.ExecuteAsync(transaction, "DELETE FROM project_core_elements WHERE id = @id;", cancellationToken, ("@id", elementId));
            return (elementId, [AuditChange.Deleted("coreElement", elementId, projectId, new Dictionary<string, string?> { ["name"] = element.Name, ["deliveredWhen"] = element.DeliveredWhen })]);
        }, cancellationToken) is not null;

    /// <summary>
    /// Adds the items of a built-in framework as the project's core elements (those it does not have yet, by name), with
    /// their description as what counts as delivered. Returns how many were added; null when there is no such project.
    /// </summary>
    /// <exception cref="ValidationException">An unknown framework, or too many elements.</exception>
    public async Task<int?> AdoptAsync(long projectId, string frameworkCode, Actor actor, CancellationToken cancellationToken = default)
    {
        var framework = (await ListFrameworksAsync(cancellationToken)).SingleOrDefault(f => f.Code == frameworkCode)
            ?? throw new ValidationException([new ValidationError("framework", $"'{frameworkCode}' is geen raamwerk van kernelementen.")]);
        var added = 0;
        var result = await WriteAsync(projectId, actor, async (connection, transaction) =>
        {
            var existing = await ReadAsync(connection, transaction, projectId, cancellationToken);
            var missing = framework.Items.Where(i => !existing.Any(e => string.Equals(e.Name, i.NameNl, StringComparison.OrdinalIgnoreCase))).ToList();
            CheckRoom(existing, [.. missing.Select(i => i.NameNl)]);
            var position = existing.Count;
            var audit = new List<AuditChange>();
            foreach (var item in missing)
            {
                var id = await InsertAsync(connection, transaction, projectId, ++position, item.NameNl, item.DescriptionNl, framework.Code, item.Number, actor, cancellationToken);
                audit.Add(Created(id, projectId, item.NameNl, item.DescriptionNl, framework.TitleNl));
            }

            added = missing.Count;
            return (0L, audit.ToArray());
        }, cancellationToken);
        return result is null ? null : added;
    }

    /// <summary>
    /// The project's core elements as a project codebook ("Kernelementen"), one code per element with what counts as
    /// delivered as its definition; made once and refreshed with new elements on later calls. Null when there is no such
    /// project; the codebook id otherwise.
    /// </summary>
    /// <exception cref="ValidationException">The project has no core elements yet.</exception>
    public async Task<long?> UseAsCodebookAsync(long projectId, Actor actor, CancellationToken cancellationToken = default)
    {
        var bookGuid = StableGuid.From($"core-elements:project:{projectId.ToString(CultureInfo.InvariantCulture)}");
        var english = (await ListFrameworksAsync(cancellationToken)).SelectMany(f => f.Items.Select(i => (f.Code, i.Number, i.NameEn))).ToDictionary(i => (i.Code, i.Number), i => i.NameEn);
        return await WriteAsync(projectId, actor, async (connection, transaction) =>
        {
            var elements = await ReadAsync(connection, transaction, projectId, cancellationToken);
            if (elements.Count == 0)
            {
                throw new ValidationException([new ValidationError("elements", "Beschrijf eerst de kernelementen van de innovatie; daarna kan er een codeboek van worden gemaakt.")]);
            }

            var bookId = await connection.ScalarLongAsync(transaction, "SELECT id FROM codebooks WHERE project_id = @project AND guid = @guid;", cancellationToken,
                ("@project", projectId), ("@guid", bookGuid.ToString()))
                ?? await _codebooks.InsertCodebookAsync(connection, transaction, projectId, "Kernelementen",
                    "De kernelementen van de innovatie, om gesprekken, groepsinterviews en observaties op te coderen (programmatrouw).", bookGuid, cancellationToken);
            var added = 0;
            foreach (var element in elements)
            {
                var codeGuid = StableGuid.From($"core-elements:element:{element.Id.ToString(CultureInfo.InvariantCulture)}");
                if (await connection.ScalarLongAsync(transaction, "SELECT id FROM codes WHERE codebook_id = @book AND guid = @guid;", cancellationToken,
                        ("@book", bookId), ("@guid", codeGuid.ToString())) is null)
                {
                    await _codebooks.InsertCodeAsync(connection, transaction, bookId, new CodeDraft(element.Name,
                        element.FrameworkCode is { } code && element.FrameworkNumber is { } number ? english.GetValueOrDefault((code, number), "") : "", element.DeliveredWhen,
                        "Codeer als: het kernelement gebeurt in het gesprek of de observatie. Niet coderen als: het alleen wordt genoemd of gepland."), codeGuid, cancellationToken);
                    added++;
                }
            }

            return (bookId, [AuditChange.Created("codebook", bookId, projectId, new Dictionary<string, string?>
            {
                ["name"] = "Kernelementen",
                ["codes"] = added.ToString(CultureInfo.InvariantCulture),
            })]);
        }, cancellationToken);
    }

    private static void Validate(string name, string deliveredWhen)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", name, NameMaxLength, "de naam van het kernelement");
        Checks.Optional(errors, "deliveredWhen", deliveredWhen, DeliveredWhenMaxLength, "wat telt als uitgevoerd");
        Checks.ThrowIfAny(errors);
    }

    private static void CheckRoom(List<CoreElement> existing, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (existing.Any(e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                throw Duplicate(name.Trim());
            }
        }

        if (existing.Count + names.Count > MaxElements)
        {
            throw new ValidationException([new ValidationError("name", $"Een innovatie heeft hooguit {MaxElements} kernelementen.")]);
        }
    }

    private static AuditChange Created(long id, long projectId, string name, string deliveredWhen, string? framework = null)
    {
        var values = new Dictionary<string, string?> { ["name"] = name, ["deliveredWhen"] = deliveredWhen };
        if (framework is not null)
        {
            values["framework"] = framework;
        }

        return AuditChange.Created("coreElement", id, projectId, values);
    }

    private static ValidationException Duplicate(string name) =>
        new([new ValidationError("name", $"Het project heeft al een kernelement '{name}'.")]);

    private async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, long projectId, int position, string name, string deliveredWhen,
        string? frameworkCode, int? frameworkNumber, Actor actor, CancellationToken cancellationToken) =>
        await connection.InsertAsync(transaction, """
            INSERT INTO project_core_elements (project_id, position, name, delivered_when, framework_code, framework_number, created_at, created_by)
            VALUES (@project, @position, @name, @delivered, @framework, @number, @now, @by) RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@position", position), ("@name", name), ("@delivered", deliveredWhen),
            ("@framework", frameworkCode.ToDbValue()), ("@number", frameworkNumber.ToDbValue()), ("@now", Now()), ("@by", actor.Name));

    /// <summary>One transaction: null when the project does not exist or the change found nothing; the change's value otherwise.</summary>
    private async Task<long?> WriteAsync(long projectId, Actor actor, Func<DbConnection, DbTransaction, Task<(long Value, AuditChange[]? Audit)>> change, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        var (value, audit) = await change(connection, transaction);
        if (audit is null)
        {
            return null;
        }

        foreach (var entry in audit)
        {
            await _audit.RecordAsync(connection, transaction, actor, entry, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return value;
    }

    internal static async Task<bool> ProjectExistsAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, "SELECT 1 FROM projects WHERE id = @id;", cancellationToken, ("@id", projectId)) is not null;

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
