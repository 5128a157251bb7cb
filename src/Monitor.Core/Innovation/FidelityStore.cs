using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Innovation;

/// <summary>
/// Fidelity checklists (which core elements happened in one conversation) and the personal links with which a
/// professional fills them in without an account. A checklist records every core element the project had at the time,
/// ticked or not, so later elements do not count as missed. Tokens are random and stored only as their SHA-256 hash.
/// </summary>
public sealed class FidelityStore
{
    public const int TeamMaxLength = 100;
    public const int LabelMaxLength = 100;
    public const int NoteMaxLength = 1000;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public FidelityStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>Stores a checklist filled in by a logged-in user; null when there is no such project.</summary>
    /// <exception cref="ValidationException">A rule is broken (see <see cref="Validate"/>); nothing was written.</exception>
    public Task<long?> RecordAsync(long projectId, ChecklistDraft draft, Actor actor, CancellationToken cancellationToken = default) =>
        InsertAsync(projectId, draft, actor, actor.UserId, null, cancellationToken);

    /// <summary>Stores a self-report filled in through a personal link (team and kind come from the link); null when the link is unknown or revoked.</summary>
    public async Task<long?> RecordThroughLinkAsync(string token, DateOnly conversationOn, IReadOnlyList<long> delivered, string note, CancellationToken cancellationToken = default)
    {
        if (await OpenLinkAsync(token, cancellationToken) is not { } link)
        {
            return null;
        }

        var draft = new ChecklistDraft { Team = link.Team, ConversationOn = conversationOn, Kind = ChecklistKind.Zelfrapportage, Delivered = delivered, Note = note };
        return await InsertAsync(link.ProjectId, draft, new Actor(null, $"Checklistlink {link.Label}"), null, link.LinkId, cancellationToken);
    }

    /// <summary>The project's checklists, oldest conversation first; only one user's or one link's when asked.</summary>
    public async Task<IReadOnlyList<Checklist>> ListAsync(long projectId, long? userId = null, long? linkId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var items = (await connection.QueryAsync(transaction, """
                SELECT i.checklist_id, i.element_id, i.delivered FROM fidelity_checklist_items i
                JOIN fidelity_checklists c ON c.id = i.checklist_id WHERE c.project_id = @project;
                """, reader => (Checklist: reader.GetInt64(0), Element: reader.GetInt64(1), Delivered: reader.GetFlag(2)), cancellationToken, ("@project", projectId)))
            .ToLookup(i => i.Checklist);
        return await connection.QueryAsync(transaction, """
            SELECT id, team, conversation_on, kind, user_id, link_id, note FROM fidelity_checklists
            WHERE project_id = @project AND (@user IS NULL OR user_id = @user) AND (@link IS NULL OR link_id = @link)
            ORDER BY conversation_on, id;
            """, reader => new Checklist
        {
            Id = reader.GetInt64(0),
            Team = reader.GetString(1),
            ConversationOn = reader.GetDate(2),
            Kind = Codes.Parse<ChecklistKind>(reader.GetString(3)),
            UserId = reader.IsDBNull(4) ? null : reader.GetInt64(4),
            LinkId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
            Note = reader.GetString(6),
            Elements = items[reader.GetInt64(0)].ToDictionary(i => i.Element, i => i.Delivered),
        }, cancellationToken, ("@project", projectId), ("@user", userId is { } u ? u : DBNull.Value), ("@link", linkId is { } l ? l : DBNull.Value));
    }

    /// <summary>The teams named so far in checklists, links and reach counts, for the form's suggestions.</summary>
    public async Task<IReadOnlyList<string>> TeamsAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, """
            SELECT team FROM fidelity_checklists WHERE project_id = @project
            UNION SELECT team FROM fidelity_links WHERE project_id = @project
            UNION SELECT team FROM reach_counts WHERE project_id = @project
            ORDER BY 1;
            """, reader => reader.GetString(0), cancellationToken, ("@project", projectId));
    }

    /// <summary>Makes a personal link for one professional; the token is returned once and stored only as its hash. Null when there is no such project.</summary>
    public async Task<(long Id, string Token)?> CreateLinkAsync(long projectId, string label, string team, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "label", label, LabelMaxLength, "de naam of rol van de professional");
        Checks.Required(errors, "team", team, TeamMaxLength, "het team");
        Checks.ThrowIfAny(errors);
        var token = SecretTokens.New("k_");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await CoreElementStore.ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        var id = await connection.InsertAsync(transaction, """
            INSERT INTO fidelity_links (project_id, label, team, token_hash, created_at, created_by)
            VALUES (@project, @label, @team, @hash, @now, @by) RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@label", label.Trim()), ("@team", team.Trim()), ("@hash", SecretTokens.Hash(token)), ("@now", Now()), ("@by", actor.Name));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("fidelityLink", id, projectId,
            new Dictionary<string, string?> { ["label"] = label.Trim(), ["team"] = team.Trim() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (id, token);
    }

    public async Task<IReadOnlyList<FidelityLink>> ListLinksAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, """
            SELECT id, label, team, created_at, revoked_at IS NOT NULL FROM fidelity_links WHERE project_id = @project ORDER BY revoked_at IS NOT NULL, label, id;
            """, reader => new FidelityLink(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture), reader.GetFlag(4)), cancellationToken, ("@project", projectId));
    }

    /// <summary>Revokes a link: it opens nothing any more, its checklists stay. False when it is not an open link of this project.</summary>
    public async Task<bool> RevokeLinkAsync(long projectId, long linkId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarAsync(transaction, "SELECT label FROM fidelity_links WHERE id = @id AND project_id = @project AND revoked_at IS NULL;", cancellationToken,
                ("@id", linkId), ("@project", projectId)) is not string label)
        {
            return false;
        }

        await connection.ExecuteAsync(transaction, "UPDATE fidelity_links SET revoked_at = @now WHERE id = @id;", cancellationToken, ("@now", Now()), ("@id", linkId));
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("fidelityLink", linkId, projectId,
            new Dictionary<string, string?> { ["label"] = label, ["revoked"] = "nee" }, new Dictionary<string, string?> { ["label"] = label, ["revoked"] = "ja" }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>What an open link leads to; null for an unknown or revoked token.</summary>
    public async Task<FidelityLinkContext?> OpenLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var links = await connection.QueryAsync(transaction, """
            SELECT l.id, l.project_id, p.name, l.label, l.team FROM fidelity_links l JOIN projects p ON p.id = l.project_id
            WHERE l.token_hash = @hash AND l.revoked_at IS NULL;
            """, reader => (Id: reader.GetInt64(0), Project: reader.GetInt64(1), Name: reader.GetString(2), Label: reader.GetString(3), Team: reader.GetString(4)),
            cancellationToken, ("@hash", SecretTokens.Hash(token)));
        if (links is not [var link])
        {
            return null;
        }

        return new FidelityLinkContext(link.Id, link.Project, link.Name, link.Label, link.Team, await CoreElementStore.ReadAsync(connection, transaction, link.Project, cancellationToken));
    }

    private async Task<long?> InsertAsync(long projectId, ChecklistDraft draft, Actor actor, long? userId, long? linkId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await CoreElementStore.ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        var elements = await CoreElementStore.ReadAsync(connection, transaction, projectId, cancellationToken);
        Validate(draft, elements, DutchClock.Today(_time));
        var id = await connection.InsertAsync(transaction, """
            INSERT INTO fidelity_checklists (project_id, team, conversation_on, kind, user_id, link_id, note, created_at)
            VALUES (@project, @team, @on, @kind, @user, @link, @note, @now) RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@team", draft.Team.Trim()), ("@on", draft.ConversationOn.ToDbValue()), ("@kind", draft.Kind.ToCode()),
            ("@user", userId is { } u ? u : DBNull.Value), ("@link", linkId is { } l ? l : DBNull.Value), ("@note", draft.Note.Trim()), ("@now", Now()));
        var delivered = draft.Delivered.ToHashSet();
        foreach (var element in elements)
        {
            await connection.ExecuteAsync(transaction, "INSERT INTO fidelity_checklist_items (checklist_id, element_id, delivered) VALUES (@checklist, @element, @delivered);",
                cancellationToken, ("@checklist", id), ("@element", element.Id), ("@delivered", delivered.Contains(element.Id) ? 1 : 0));
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("fidelityChecklist", id, projectId, new Dictionary<string, string?>
        {
            ["team"] = draft.Team.Trim(),
            ["conversationOn"] = draft.ConversationOn.ToDbValue(),
            ["kind"] = draft.Kind.ToCode(),
            ["delivered"] = string.Join(", ", elements.Where(e => delivered.Contains(e.Id)).Select(e => e.Name)),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Team filled in, a conversation date not in the future, only the project's own core elements, a short note.</summary>
    private static void Validate(ChecklistDraft draft, List<CoreElement> elements, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<ValidationError>();
        if (elements.Count == 0)
        {
            errors.Add(new ValidationError("elements", "Dit project heeft nog geen kernelementen; de projectleider beschrijft ze eerst."));
        }

        Checks.Required(errors, "team", draft.Team, TeamMaxLength, "het team");
        Checks.Optional(errors, "note", draft.Note, NoteMaxLength, "de toelichting");
        if (draft.ConversationOn > today)
        {
            errors.Add(new ValidationError("conversationOn", "De datum van het gesprek ligt in de toekomst."));
        }

        var unknown = draft.Delivered.Where(id => elements.All(e => e.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new ValidationError("delivered", $"Onbekend kernelement: {string.Join(", ", unknown.Select(i => i.ToString(CultureInfo.InvariantCulture)))}."));
        }

        Checks.ThrowIfAny(errors);
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
