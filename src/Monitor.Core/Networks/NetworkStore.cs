using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Networks;

/// <summary>
/// Learning networks across organisations (issue #23): networks and their member projects, and what each member project
/// explicitly shares — vastgestelde findings and concluded lessons of its learning agenda. A network shows only shared
/// items that still qualify; nothing else of a project. Every write is one transaction with its audit entry.
/// </summary>
public sealed class NetworkStore
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    /// <summary>Every item that may be shared: findings that are vastgesteld, agenda items concluded with a lesson.</summary>
    private const string Shareable = """
        shareable (kind, id, project_id, label, title, text, day) AS (
            SELECT 'bevinding', f.id, f.project_id, f.kind, f.title, f.explanation,
                   COALESCE((SELECT max(s.held_on) FROM finding_sessions s WHERE s.finding_id = f.id), substr(f.updated_at, 1, 10))
            FROM findings f WHERE f.status = 'vastgesteld'
            UNION ALL
            SELECT 'les', i.id, i.project_id, 'leeragenda', i.title, i.learned,
                   (SELECT max(s.changed_on) FROM learning_item_statuses s WHERE s.item_id = i.id)
            FROM learning_items i WHERE i.status IN ('opgelost', 'losgelaten') AND i.learned <> '')
        """;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public NetworkStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>
    /// The networks <paramref name="userId"/> may see: those with a member project in which the user has a project role;
    /// every network for a beheerder (<paramref name="userId"/> null).
    /// </summary>
    public async Task<IReadOnlyList<Network>> ListAsync(long? userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var networks = await connection.QueryAsync(transaction, """
            SELECT n.id, n.name, n.description, n.is_demo FROM networks n
            WHERE @user IS NULL OR EXISTS (
                SELECT 1 FROM network_projects np JOIN project_roles r ON r.project_id = np.project_id
                WHERE np.network_id = n.id AND r.user_id = @user)
            ORDER BY n.name;
            """, reader => (Id: reader.GetInt64(0), Name: reader.GetString(1), Description: reader.GetString(2), IsDemo: reader.GetFlag(3)), cancellationToken, ("@user", userId));
        var members = (await ReadMembersAsync(connection, transaction, null, cancellationToken)).ToLookup(m => m.NetworkId, m => m.Member);
        return [.. networks.Select(n => new Network { Id = n.Id, Name = n.Name, Description = n.Description, IsDemo = n.IsDemo, Members = [.. members[n.Id]] })];
    }

    /// <summary>One network if <paramref name="userId"/> may see it (null: a beheerder); null when it does not exist or may not be seen.</summary>
    public async Task<Network?> FindAsync(long networkId, long? userId, CancellationToken cancellationToken = default) =>
        (await ListAsync(userId, cancellationToken)).FirstOrDefault(n => n.Id == networkId);

    /// <summary>Whether a network with this id exists at all (to tell 404 from 403).</summary>
    public async Task<bool> ExistsAsync(long networkId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, "SELECT 1 FROM networks WHERE id = @id;", cancellationToken, ("@id", networkId)) is not null;
    }

    /// <summary>What the member projects share with the network, by project; only items that still qualify.</summary>
    public async Task<IReadOnlyList<SharedItem>> SharedItemsAsync(long networkId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, $"""
            WITH {Shareable}
            SELECT s.kind, s.id, s.label, s.title, s.text, s.day, p.id, p.name, p.organisation, n.shared_at
            FROM network_shares n
            JOIN network_projects np ON np.network_id = n.network_id AND np.project_id = n.project_id
            JOIN shareable s ON s.kind = n.kind AND s.id = n.item_id AND s.project_id = n.project_id
            JOIN projects p ON p.id = n.project_id
            WHERE n.network_id = @network
            ORDER BY p.name, s.kind, s.day, s.id;
            """, reader => new SharedItem
        {
            Item = ReadItem(reader),
            ProjectId = reader.GetInt64(6),
            ProjectName = reader.GetString(7),
            Organisation = reader.GetString(8),
            SharedAt = DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture),
        }, cancellationToken, ("@network", networkId));
    }

    /// <summary>The networks a project takes part in.</summary>
    public async Task<IReadOnlyList<Network>> ListForProjectAsync(long projectId, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(null, cancellationToken)).Where(n => n.Members.Any(m => m.ProjectId == projectId))];

    /// <summary>The project's shareable items with the networks each is shared with; null when there is no such project.</summary>
    public async Task<IReadOnlyList<ShareCandidate>?> CandidatesAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        if (!await Meetings.GroupStore.ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        var shares = (await connection.QueryAsync(transaction, "SELECT kind, item_id, network_id FROM network_shares WHERE project_id = @project;",
                reader => (Kind: reader.GetString(0), ItemId: reader.GetInt64(1), NetworkId: reader.GetInt64(2)), cancellationToken, ("@project", projectId)))
            .ToLookup(s => (s.Kind, s.ItemId), s => s.NetworkId);
        var items = await connection.QueryAsync(transaction, $"""
            WITH {Shareable}
            SELECT s.kind, s.id, s.label, s.title, s.text, s.day FROM shareable s
            WHERE s.project_id = @project ORDER BY s.kind, s.label, s.title;
            """, ReadItem, cancellationToken, ("@project", projectId));
        return [.. items.Select(i => new ShareCandidate(i, [.. shares[(i.Kind.ToCode(), i.ItemId)]]))];
    }

    /// <summary>Creates a network (a beheerder's act).</summary>
    /// <exception cref="ValidationException">A missing or too long name or description, or a name in use; nothing was written.</exception>
    public async Task<long> CreateAsync(string name, string description, bool isDemo, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", name, NameMaxLength, "de naam");
        Checks.Optional(errors, "description", description, DescriptionMaxLength, "de beschrijving");
        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM networks WHERE name = @name;", cancellationToken, ("@name", name.Trim())) is not null)
        {
            throw new ValidationException([new ValidationError("name", $"Er is al een netwerk met de naam {name.Trim()}.")]);
        }

        var id = await connection.InsertAsync(transaction, """
            INSERT INTO networks (name, description, is_demo, created_at) VALUES (@name, @description, @demo, @now) RETURNING id;
            """, cancellationToken, ("@name", name.Trim()), ("@description", (description ?? "").Trim()), ("@demo", isDemo ? 1 : 0), ("@now", Now()));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("network", id, null, new Dictionary<string, string?> { ["name"] = name.Trim() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Adds a project to a network; false when the network or the project does not exist.</summary>
    /// <exception cref="ValidationException">The project already takes part; nothing was written.</exception>
    public async Task<bool> AddProjectAsync(long networkId, long projectId, Actor actor, CancellationToken cancellationToken = default) =>
        await WriteAsync(networkId, projectId, actor, async (connection, transaction) =>
        {
            if (await IsMemberAsync(connection, transaction, networkId, projectId, cancellationToken))
            {
                throw new ValidationException([new ValidationError("projectId", "Dit project doet al mee aan het netwerk.")]);
            }

            await connection.ExecuteAsync(transaction, "INSERT INTO network_projects (network_id, project_id, joined_at) VALUES (@network, @project, @now);", cancellationToken,
                ("@network", networkId), ("@project", projectId), ("@now", Now()));
            return AuditChange.Created("networkProject", networkId, projectId, new Dictionary<string, string?> { ["network"] = networkId.ToString(CultureInfo.InvariantCulture) });
        }, cancellationToken);

    /// <summary>Takes a project out of a network, with everything it shared there; false when it was not a member.</summary>
    public async Task<bool> RemoveProjectAsync(long networkId, long projectId, Actor actor, CancellationToken cancellationToken = default) =>
        await WriteAsync(networkId, projectId, actor, async (connection, transaction) =>
            await connection.ExecuteAsync(transaction, "DELETE FROM network_projects WHERE network_id = @network AND project_id = @project;", cancellationToken,
                ("@network", networkId), ("@project", projectId)) == 0
                ? null
                : AuditChange.Deleted("networkProject", networkId, projectId, new Dictionary<string, string?> { ["network"] = networkId.ToString(CultureInfo.InvariantCulture) }),
            cancellationToken);

    /// <summary>Shares one item of the project with a network; false when the network or the project does not exist.</summary>
    /// <exception cref="ValidationException">The project is not a member, the item is not (or no longer) shareable, or it is already shared; nothing was written.</exception>
    public async Task<bool> ShareAsync(long projectId, long networkId, ShareKind kind, long itemId, Actor actor, CancellationToken cancellationToken = default) =>
        await WriteAsync(networkId, projectId, actor, async (connection, transaction) =>
        {
            if (!await IsMemberAsync(connection, transaction, networkId, projectId, cancellationToken))
            {
                throw new ValidationException([new ValidationError("networkId", "Dit project doet niet mee aan dit netwerk.")]);
            }

            if (await connection.ScalarLongAsync(transaction, $"WITH {Shareable} SELECT 1 FROM shareable WHERE kind = @kind AND id = @item AND project_id = @project;", cancellationToken,
                    ("@kind", kind.ToCode()), ("@item", itemId), ("@project", projectId)) is null)
            {
                throw new ValidationException([new ValidationError("itemId", kind == ShareKind.Bevinding
                    ? $"Bevinding {itemId} is niet vastgesteld of hoort niet bij dit project; alleen vastgestelde bevindingen kunnen worden gedeeld."
                    : $"Leeragendapunt {itemId} is niet afgerond met een geleerde les of hoort niet bij dit project; alleen afgeronde lessen kunnen worden gedeeld.")]);
            }

            if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM network_shares WHERE network_id = @network AND kind = @kind AND item_id = @item;", cancellationToken,
                    ("@network", networkId), ("@kind", kind.ToCode()), ("@item", itemId)) is not null)
            {
                throw new ValidationException([new ValidationError("itemId", "Dit punt is al gedeeld met dit netwerk.")]);
            }

            var id = await connection.InsertAsync(transaction, """
                INSERT INTO network_shares (network_id, project_id, kind, item_id, shared_at, shared_by)
                VALUES (@network, @project, @kind, @item, @now, @by) RETURNING id;
                """, cancellationToken, ("@network", networkId), ("@project", projectId), ("@kind", kind.ToCode()), ("@item", itemId), ("@now", Now()), ("@by", actor.Name));
            return AuditChange.Created("networkShare", id, projectId, new Dictionary<string, string?>
            {
                ["network"] = networkId.ToString(CultureInfo.InvariantCulture),
                ["kind"] = kind.ToCode(),
                ["item"] = itemId.ToString(CultureInfo.InvariantCulture),
            });
        }, cancellationToken);

    /// <summary>Stops sharing an item with a network; false when it was not shared there (or nothing exists).</summary>
    public async Task<bool> UnshareAsync(long projectId, long networkId, ShareKind kind, long itemId, Actor actor, CancellationToken cancellationToken = default) =>
        await WriteAsync(networkId, projectId, actor, async (connection, transaction) =>
            await connection.QueryFirstAsync(transaction, """
                DELETE FROM network_shares WHERE network_id = @network AND project_id = @project AND kind = @kind AND item_id = @item RETURNING id;
                """, reader => (object)reader.GetInt64(0), cancellationToken, ("@network", networkId), ("@project", projectId), ("@kind", kind.ToCode()), ("@item", itemId)) is long id
                ? AuditChange.Deleted("networkShare", id, projectId, new Dictionary<string, string?>
                {
                    ["network"] = networkId.ToString(CultureInfo.InvariantCulture),
                    ["kind"] = kind.ToCode(),
                    ["item"] = itemId.ToString(CultureInfo.InvariantCulture),
                })
                : null,
            cancellationToken);

    private static async Task<bool> IsMemberAsync(DbConnection connection, DbTransaction transaction, long networkId, long projectId, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, "SELECT 1 FROM network_projects WHERE network_id = @network AND project_id = @project;", cancellationToken,
            ("@network", networkId), ("@project", projectId)) is not null;

    private static async Task<List<(long NetworkId, NetworkMember Member)>> ReadMembersAsync(DbConnection connection, DbTransaction transaction, long? networkId, CancellationToken cancellationToken) =>
        await connection.QueryAsync(transaction, """
            SELECT np.network_id, p.id, p.name, p.organisation FROM network_projects np JOIN projects p ON p.id = np.project_id
            WHERE @network IS NULL OR np.network_id = @network ORDER BY p.name;
            """, reader => (reader.GetInt64(0), new NetworkMember(reader.GetInt64(1), reader.GetString(2), reader.GetString(3))), cancellationToken, ("@network", networkId));

    private static ShareableItem ReadItem(DbDataReader reader) => new()
    {
        Kind = Codes.Parse<ShareKind>(reader.GetString(0)),
        ItemId = reader.GetInt64(1),
        Label = reader.GetString(2),
        Title = reader.GetString(3),
        Text = reader.GetString(4),
        Date = reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5)[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>One write: the network and the project must exist; the change returns its audit entry, or null for "not found".</summary>
    private async Task<bool> WriteAsync(long networkId, long projectId, Actor actor, Func<DbConnection, DbTransaction, Task<AuditChange?>> change, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarLongAsync(transaction, "SELECT 1 FROM networks WHERE id = @id;", cancellationToken, ("@id", networkId)) is null
            || !await Meetings.GroupStore.ProjectExistsAsync(connection, transaction, projectId, cancellationToken)
            || await change(connection, transaction) is not { } audit)
        {
            return false;
        }

        await _audit.RecordAsync(connection, transaction, actor, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
