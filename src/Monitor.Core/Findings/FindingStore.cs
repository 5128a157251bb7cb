using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Monitor.Core.Coding.Text;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Privacy;

namespace Monitor.Core.Findings;

/// <summary>
/// Success factors, lessons learned and advice of a project with their frameworks links, evidence, joint
/// sessions and status flow (concept → besproken → vastgesteld). Every change writes the whole finding to
/// finding_history and an audit entry, in the same transaction.
/// </summary>
public sealed class FindingStore
{
    public const int TitleMaxLength = 300;
    public const int HeadingMaxLength = 200;
    public const int ExplanationMaxLength = 8000;
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public FindingStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<Finding>> ListAsync(long projectId, CancellationToken cancellationToken = default) =>
        await ListAsync(projectId, Audience.Team, cancellationToken);

    /// <summary>The project's findings as <paramref name="audience"/> may see them.</summary>
    public async Task<IReadOnlyList<Finding>> ListAsync(long projectId, Audience audience, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var findings = await ReadAsync(connection, transaction, projectId, null, cancellationToken);
        return audience == Audience.Team ? findings : await ForManagementAsync(connection, transaction, projectId, findings, cancellationToken);
    }

    public async Task<Finding?> FindAsync(long projectId, long findingId, CancellationToken cancellationToken = default) =>
        await FindAsync(projectId, findingId, Audience.Team, cancellationToken);

    /// <summary>One finding as <paramref name="audience"/> may see it; null when it is not in the project or not for them.</summary>
    public async Task<Finding?> FindAsync(long projectId, long findingId, Audience audience, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var findings = await ReadAsync(connection, transaction, projectId, findingId, cancellationToken);
        return (audience == Audience.Team ? findings : await ForManagementAsync(connection, transaction, projectId, findings, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// The history of a finding, oldest first; null when the finding is not in this project (or, for management, not
    /// vastgesteld). Management gets who, when and what, without the snapshots (they hold earlier drafts).
    /// </summary>
    public async Task<IReadOnlyList<FindingHistoryEntry>?> HistoryAsync(long projectId, long findingId, Audience audience = Audience.Team, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var current = await connection.ScalarAsync(transaction, "SELECT status FROM findings WHERE id = @id AND project_id = @project;", cancellationToken,
            ("@id", findingId), ("@project", projectId)) as string;
        if (current is null || (audience == Audience.Management && current != Codes.ToCode(FindingStatus.Vastgesteld)))
        {
            return null;
        }

        return await connection.QueryAsync(transaction, "SELECT h.at, h.by, h.action, h.snapshot FROM finding_history h WHERE h.finding_id = @id ORDER BY h.id;",
            reader => new FindingHistoryEntry(DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2),
                audience == Audience.Team ? reader.GetString(3) : ""), cancellationToken, ("@id", findingId));
    }

    // Management sees what was agreed, and no member can be recognised in its evidence: the source is the group and the
    // date, and the members' labels (and the project's pseudonym list) are replaced in quotes and notes.
    private static async Task<List<Finding>> ForManagementAsync(DbConnection connection, DbTransaction transaction, long projectId, List<Finding> findings, CancellationToken cancellationToken)
    {
        var names = await connection.QueryAsync(transaction, """
            SELECT DISTINCT m.role_label, 'lid' FROM group_members m JOIN project_groups g ON g.id = m.group_id WHERE g.project_id = @project AND m.role_label <> ''
            UNION ALL SELECT name, code FROM pseudonyms WHERE project_id = @project;
            """, reader => new Pseudonym(0, reader.GetString(0), reader.GetString(1)), cancellationToken, ("@project", projectId));
        var scrub = new Pseudonymizer(names);
        return findings.Where(f => f.Status == FindingStatus.Vastgesteld).Select(f => f with
        {
            Evidence = f.Evidence.Select(e => e with
            {
                TargetId = 0,
                MeetingId = null,
                Quote = scrub.Apply(e.Quote),
                Note = scrub.Apply(e.Note),
                Source = e.Kind == EvidenceKind.Activiteit ? e.Source : string.Join(' ', new[] { e.GroupName, e.Date?.ToString("d-M-yyyy", CultureInfo.InvariantCulture) }.Where(p => p is not null)),
            }).ToList(),
        }).ToList();
    }

    /// <summary>Adds a finding (status concept) with optional evidence, all or nothing.</summary>
    public async Task<long> CreateAsync(long projectId, FindingDraft draft, IReadOnlyList<(EvidenceKind Kind, long TargetId)> evidence, Actor actor, CancellationToken cancellationToken = default)
    {
        Check(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var id = await InsertAsync(connection, transaction, projectId, draft, FindingStatus.Concept, Now(), cancellationToken);
        foreach (var (kind, target) in evidence.Distinct())
        {
            await AddEvidenceCoreAsync(connection, transaction, projectId, id, kind, target, "", actor.Name, Now(), cancellationToken);
        }

        await RecordAsync(connection, transaction, projectId, id, "aangemaakt", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    internal static async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, long projectId, FindingDraft draft, FindingStatus status, string at, CancellationToken cancellationToken)
    {
        var next = Convert.ToInt32(await connection.ScalarAsync(transaction, "SELECT coalesce(max(position), 0) + 1 FROM findings WHERE project_id = @project;", cancellationToken,
            ("@project", projectId)), CultureInfo.InvariantCulture);
        var id = await connection.InsertAsync(transaction, """
            INSERT INTO findings (project_id, kind, heading, title, explanation, phase, status, position, created_at, updated_at)
            VALUES (@project, @kind, @heading, @title, @explanation, @phase, @status, @position, @now, @now)
            RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@kind", Codes.ToCode(draft.Kind)), ("@heading", draft.Heading.Trim()), ("@title", draft.Title.Trim()),
            ("@explanation", draft.Explanation.Trim()), ("@phase", draft.Phase), ("@status", Codes.ToCode(status)), ("@position", next), ("@now", at));
        await WriteLinksAsync(connection, transaction, id, draft, cancellationToken);
        return id;
    }

    private static async Task WriteLinksAsync(DbConnection connection, DbTransaction transaction, long id, FindingDraft draft, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(transaction, "DELETE FROM finding_determinants WHERE finding_id = @id; DELETE FROM finding_bowen_areas WHERE finding_id = @id;", cancellationToken,
            ("@id", id));
        foreach (var determinant in draft.Determinants.Distinct())
        {
            await connection.ExecuteAsync(transaction, "INSERT INTO finding_determinants (finding_id, determinant) VALUES (@id, @d);", cancellationToken, ("@id", id), ("@d", determinant));
        }

        foreach (var area in draft.BowenAreas.Distinct())
        {
            await connection.ExecuteAsync(transaction, "INSERT INTO finding_bowen_areas (finding_id, area) VALUES (@id, @a);", cancellationToken, ("@id", id), ("@a", area));
        }
    }

    /// <summary>Changes title, explanation, heading and links; false when the finding is not in this project.</summary>
    public async Task<bool> UpdateAsync(long projectId, long findingId, FindingDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Check(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ExecuteAsync(transaction, """
            UPDATE findings SET kind = @kind, heading = @heading, title = @title, explanation = @explanation, phase = @phase, updated_at = @now
            WHERE id = @id AND project_id = @project;
            """, cancellationToken, ("@id", findingId), ("@project", projectId), ("@kind", Codes.ToCode(draft.Kind)), ("@heading", draft.Heading.Trim()),
            ("@title", draft.Title.Trim()), ("@explanation", draft.Explanation.Trim()), ("@phase", draft.Phase), ("@now", Now())) == 0)
        {
            return false;
        }

        await WriteLinksAsync(connection, transaction, findingId, draft, cancellationToken);
        await RecordAsync(connection, transaction, projectId, findingId, "gewijzigd", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Moves a finding along concept → besproken → vastgesteld (or back to concept). Besproken records the joint
    /// session (date, participants, what changed); vastgesteld needs a finding that has been discussed.
    /// </summary>
    public async Task<bool> SetStatusAsync(long projectId, long findingId, FindingStatus status, FindingSession? session, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var finding = (await ReadAsync(connection, transaction, projectId, findingId, cancellationToken)).SingleOrDefault();
        if (finding is null)
        {
            return false;
        }

        if (status == FindingStatus.Besproken)
        {
            if (session is null || session.Participants.Trim().Length == 0)
            {
                throw new ValidationException([new ValidationError("participants", "Leg de gezamenlijke sessie vast: datum en wie er waren.")]);
            }

            if (session.Participants.Length > 1000 || session.Changes.Length > 4000)
            {
                throw new ValidationException([new ValidationError("changes", "Deelnemers hoogstens 1000 tekens, wijzigingen hoogstens 4000 tekens.")]);
            }

            if (session.HeldOn > DutchClock.Today(_time))
            {
                throw new ValidationException([new ValidationError("heldOn", "De sessie kan niet in de toekomst liggen.")]);
            }

            await connection.ExecuteAsync(transaction, """
                INSERT INTO finding_sessions (finding_id, held_on, participants, changes, recorded_at, recorded_by) VALUES (@id, @held, @who, @changes, @now, @by);
                """, cancellationToken, ("@id", findingId), ("@held", session.HeldOn.ToDbValue()), ("@who", session.Participants.Trim()), ("@changes", session.Changes.Trim()),
                ("@now", Now()), ("@by", actor.Name));
        }
        else if (status == FindingStatus.Vastgesteld && finding.Sessions.Count == 0)
        {
            throw new ValidationException([new ValidationError("status", "Een bevinding wordt vastgesteld nadat ze in een gezamenlijke sessie is besproken.")]);
        }

        await connection.ExecuteAsync(transaction, "UPDATE findings SET status = @status, updated_at = @now WHERE id = @id;", cancellationToken,
            ("@id", findingId), ("@status", Codes.ToCode(status)), ("@now", Now()));

        await RecordAsync(connection, transaction, projectId, findingId, "status " + Codes.ToCode(status), actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(long projectId, long findingId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var finding = (await ReadAsync(connection, transaction, projectId, findingId, cancellationToken)).SingleOrDefault();
        if (finding is null)
        {
            return false;
        }

        await connection.ExecuteAsync(transaction, "DELETE FROM findings WHERE id = @id;", cancellationToken, ("@id", findingId));

        // the trail keeps what was deleted as readable fields (issue #16: it held the whole record as JSON)
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("finding", findingId, projectId, new Dictionary<string, string?>
        {
            ["title"] = finding.Fields.Title,
            ["kind"] = Codes.ToCode(finding.Fields.Kind),
            ["heading"] = finding.Fields.Heading,
            ["explanation"] = finding.Fields.Explanation,
            ["status"] = Codes.ToCode(finding.Status),
            ["determinants"] = string.Join(", ", finding.Fields.Determinants),
            ["bowenAreas"] = string.Join(", ", finding.Fields.BowenAreas),
            ["phase"] = finding.Fields.Phase?.ToString(CultureInfo.InvariantCulture),
            ["evidence"] = finding.Evidence.Count.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Links evidence; the target must belong to this project. False when the finding is not in this project.</summary>
    public async Task<bool> AddEvidenceAsync(long projectId, long findingId, EvidenceKind kind, long targetId, string note, Actor actor, CancellationToken cancellationToken = default)
    {
        if (note.Length > 1000)
        {
            throw new ValidationException([new ValidationError("note", "Een toelichting bij bewijs heeft hoogstens 1000 tekens.")]);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await ExistsAsync(connection, transaction, projectId, findingId, cancellationToken))
        {
            return false;
        }

        await AddEvidenceCoreAsync(connection, transaction, projectId, findingId, kind, targetId, note.Trim(), actor.Name, Now(), cancellationToken);
        await RecordAsync(connection, transaction, projectId, findingId, "bewijs toegevoegd", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    internal static async Task AddEvidenceCoreAsync(DbConnection connection, DbTransaction transaction, long projectId, long findingId, EvidenceKind kind, long targetId, string note, string by, string at, CancellationToken cancellationToken)
    {
        var (column, check) = kind switch
        {
            EvidenceKind.Codering => ("coding_id", "SELECT 1 FROM codings WHERE id = @target AND project_id = @project AND removed_at IS NULL AND (round_id IS NULL OR is_consensus = 1)"),
            EvidenceKind.Reflectie => ("reflection_id", "SELECT 1 FROM reflections r JOIN meetings m ON m.id = r.meeting_id JOIN project_groups g ON g.id = m.group_id WHERE r.id = @target AND g.project_id = @project"),
            EvidenceKind.Bijeenkomst => ("meeting_id", "SELECT 1 FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE m.id = @target AND g.project_id = @project"),
            _ => ("activity_id", "SELECT 1 FROM plan_activities WHERE id = @target AND project_id = @project"),
        };
        if (await connection.ScalarAsync(transaction, check, cancellationToken, ("@target", targetId), ("@project", projectId)) is null)
        {
            throw new ValidationException([new ValidationError("targetId", $"Dit bewijs ({Codes.ToCode(kind)} {targetId}) hoort niet bij dit project, of is een codering uit een lopende dubbele-coderingsronde.")]);
        }

        await connection.ExecuteAsync(transaction, $"""
            INSERT INTO finding_evidence (finding_id, kind, {column}, note, added_at, added_by) VALUES (@finding, @kind, @target, @note, @now, @by)
            ON CONFLICT DO NOTHING;
            """, cancellationToken, ("@finding", findingId), ("@kind", Codes.ToCode(kind)), ("@target", targetId), ("@note", note), ("@now", at), ("@by", by));
    }

    public async Task<bool> RemoveEvidenceAsync(long projectId, long findingId, long evidenceId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (!await ExistsAsync(connection, transaction, projectId, findingId, cancellationToken))
        {
            return false;
        }

        if (await connection.ExecuteAsync(transaction, "DELETE FROM finding_evidence WHERE id = @id AND finding_id = @finding;", cancellationToken,
            ("@id", evidenceId), ("@finding", findingId)) == 0)
        {
            return false;
        }

        await RecordAsync(connection, transaction, projectId, findingId, "bewijs verwijderd", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction transaction, long projectId, long findingId, CancellationToken cancellationToken) =>
        await connection.ScalarAsync(transaction, "SELECT 1 FROM findings WHERE id = @id AND project_id = @project;", cancellationToken, ("@id", findingId), ("@project", projectId)) is not null;

    internal async Task RecordAsync(DbConnection connection, DbTransaction transaction, long projectId, long findingId, string action, Actor actor, CancellationToken cancellationToken)
    {
        var finding = (await ReadAsync(connection, transaction, projectId, findingId, cancellationToken)).Single();
        var snapshot = JsonSerializer.Serialize(new
        {
            kind = Codes.ToCode(finding.Fields.Kind),
            finding.Fields.Heading,
            finding.Fields.Title,
            finding.Fields.Explanation,
            finding.Fields.Determinants,
            finding.Fields.BowenAreas,
            finding.Fields.Phase,
            status = Codes.ToCode(finding.Status),
            evidence = finding.Evidence.Select(e => $"{Codes.ToCode(e.Kind)}:{e.TargetId}"),
            sessions = finding.Sessions.Count,
        }, _json);
        await connection.ExecuteAsync(transaction, "INSERT INTO finding_history (finding_id, at, by, action, snapshot) VALUES (@id, @at, @by, @action, @snapshot);", cancellationToken,
            ("@id", findingId), ("@at", Now()), ("@by", actor.Name), ("@action", action), ("@snapshot", snapshot));

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("finding", findingId, projectId,
            new Dictionary<string, string?>(), new Dictionary<string, string?> { ["action"] = action, ["finding"] = snapshot }), cancellationToken);
    }

    internal static async Task<List<Finding>> ReadAsync(DbConnection connection, DbTransaction? transaction, long projectId, long? findingId, CancellationToken cancellationToken)
    {
        var filter = findingId is null ? "" : " AND f.id = @finding";
        (string, object?)[] parameters = [("@project", projectId), ("@finding", findingId ?? 0)];
        var determinants = (await connection.QueryAsync(transaction,
            $"SELECT d.finding_id, d.determinant FROM finding_determinants d JOIN findings f ON f.id = d.finding_id WHERE f.project_id = @project{filter} ORDER BY d.determinant;",
            r => (FindingId: r.GetInt64(0), Determinant: r.GetInt32(1)), cancellationToken, parameters)).ToLookup(d => d.FindingId, d => d.Determinant);
        var areas = (await connection.QueryAsync(transaction,
            $"SELECT b.finding_id, b.area FROM finding_bowen_areas b JOIN findings f ON f.id = b.finding_id WHERE f.project_id = @project{filter} ORDER BY b.area;",
            r => (FindingId: r.GetInt64(0), Area: r.GetInt32(1)), cancellationToken, parameters)).ToLookup(a => a.FindingId, a => a.Area);
        var sessions = (await connection.QueryAsync(transaction,
            $"SELECT s.finding_id, s.held_on, s.participants, s.changes FROM finding_sessions s JOIN findings f ON f.id = s.finding_id WHERE f.project_id = @project{filter} ORDER BY s.held_on, s.id;",
            r => (FindingId: r.GetInt64(0), Session: new FindingSession(r.GetDate(1), r.GetString(2), r.GetString(3))), cancellationToken, parameters))
            .ToLookup(s => s.FindingId, s => s.Session);
        var evidence = await ReadEvidenceAsync(connection, transaction, projectId, findingId, cancellationToken);
        return await connection.QueryAsync(transaction, $"""
            SELECT f.id, f.kind, f.heading, f.title, f.explanation, f.phase, f.status, f.position, f.created_at, f.updated_at
            FROM findings f WHERE f.project_id = @project{filter}
            ORDER BY CASE f.kind WHEN 'succesfactor' THEN 0 WHEN 'les' THEN 1 ELSE 2 END, f.position, f.id;
            """, reader =>
        {
            var id = reader.GetInt64(0);
            return new Finding
            {
                Id = id,
                ProjectId = projectId,
                Fields = new FindingDraft
                {
                    Kind = Codes.Parse<FindingKind>(reader.GetString(1)),
                    Heading = reader.GetString(2),
                    Title = reader.GetString(3),
                    Explanation = reader.GetString(4),
                    Phase = reader.GetInt32OrNull(5),
                    Determinants = [.. determinants[id]],
                    BowenAreas = [.. areas[id]],
                },
                Status = Codes.Parse<FindingStatus>(reader.GetString(6)),
                Position = reader.GetInt32(7),
                CreatedAt = DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture),
                UpdatedAt = DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture),
                Sessions = [.. sessions[id]],
                Evidence = [.. evidence[id]],
            };
        }, cancellationToken, parameters);
    }

    /// <summary>The evidence of the project's findings as quotes with their source, in one query per kind.</summary>
    private static async Task<ILookup<long, Evidence>> ReadEvidenceAsync(DbConnection connection, DbTransaction? transaction, long projectId, long? findingId, CancellationToken cancellationToken)
    {
        var filter = findingId is null ? "" : " AND f.id = @finding";
        (string, object?)[] parameters = [("@project", projectId), ("@finding", findingId ?? 0)];
        var codings = await connection.QueryAsync(transaction, $"""
            SELECT e.finding_id, e.id, e.coding_id, v.text, c.start_pos, c.end_pos, d.title, d.meeting_id, m.held_on, k.name_nl, c.valence, e.note, g.name
            FROM finding_evidence e JOIN findings f ON f.id = e.finding_id
            JOIN codings c ON c.id = e.coding_id JOIN document_versions v ON v.id = c.version_id JOIN coding_documents d ON d.id = v.document_id
            JOIN codes k ON k.id = c.code_id LEFT JOIN meetings m ON m.id = d.meeting_id LEFT JOIN project_groups g ON g.id = m.group_id
            WHERE e.kind = 'codering' AND f.project_id = @project{filter} ORDER BY m.held_on, e.id;
            """, reader => (FindingId: reader.GetInt64(0), Evidence: new Evidence
        {
            Id = reader.GetInt64(1),
            Kind = EvidenceKind.Codering,
            TargetId = reader.GetInt64(2),
            Quote = CodePoints.Slice(reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)),
            Source = reader.GetString(6),
            MeetingId = reader.IsDBNull(7) ? null : reader.GetInt64(7),
            GroupName = reader.GetStringOrNull(12),
            Date = reader.GetDateOrNull(8),
            CodeName = reader.GetString(9),
            Valence = reader.GetString(10),
            Note = reader.GetString(11),
        }), cancellationToken, parameters);
        var reflections = await connection.QueryAsync(transaction, $"""
            SELECT e.finding_id, e.id, e.reflection_id, r.went_well, r.went_less, g.name, m.held_on, m.id, e.note
            FROM finding_evidence e JOIN findings f ON f.id = e.finding_id
            JOIN reflections r ON r.id = e.reflection_id JOIN meetings m ON m.id = r.meeting_id JOIN project_groups g ON g.id = m.group_id
            WHERE e.kind = 'reflectie' AND f.project_id = @project{filter} ORDER BY m.held_on, e.id;
            """, reader =>
        {
            var date = reader.GetDate(6);
            return (FindingId: reader.GetInt64(0), Evidence: new Evidence
            {
                Id = reader.GetInt64(1),
                Kind = EvidenceKind.Reflectie,
                TargetId = reader.GetInt64(2),
                Quote = CodingDocumentStore.ReflectionText(reader.GetString(3), reader.GetString(4)).Replace("\n\n", " · ", StringComparison.Ordinal),
                Source = $"Slotreflectie {reader.GetString(5)} {date:d-M-yyyy}",
                MeetingId = reader.GetInt64(7),
                GroupName = reader.GetString(5),
                Date = date,
                Note = reader.GetString(8),
            });
        }, cancellationToken, parameters);
        var meetings = await connection.QueryAsync(transaction, $"""
            SELECT e.finding_id, e.id, e.meeting_id, m.title, g.name, m.held_on, e.note
            FROM finding_evidence e JOIN findings f ON f.id = e.finding_id
            JOIN meetings m ON m.id = e.meeting_id JOIN project_groups g ON g.id = m.group_id
            WHERE e.kind = 'bijeenkomst' AND f.project_id = @project{filter} ORDER BY m.held_on, e.id;
            """, reader =>
        {
            var date = reader.GetDate(5);
            return (FindingId: reader.GetInt64(0), Evidence: new Evidence
            {
                Id = reader.GetInt64(1),
                Kind = EvidenceKind.Bijeenkomst,
                TargetId = reader.GetInt64(2),
                Quote = reader.GetString(3).Length > 0 ? reader.GetString(3) : "Bijeenkomst " + reader.GetString(4),
                Source = $"Bijeenkomst {reader.GetString(4)} {date:d-M-yyyy}",
                MeetingId = reader.GetInt64(2),
                GroupName = reader.GetString(4),
                Date = date,
                Note = reader.GetString(6),
            });
        }, cancellationToken, parameters);
        var activities = await connection.QueryAsync(transaction, $"""
            SELECT e.finding_id, e.id, e.activity_id, a.title, a.phase, coalesce(a.completed_on, a.started_on), e.note
            FROM finding_evidence e JOIN findings f ON f.id = e.finding_id JOIN plan_activities a ON a.id = e.activity_id
            WHERE e.kind = 'activiteit' AND f.project_id = @project{filter} ORDER BY a.phase, e.id;
            """, reader => (FindingId: reader.GetInt64(0), Evidence: new Evidence
        {
            Id = reader.GetInt64(1),
            Kind = EvidenceKind.Activiteit,
            TargetId = reader.GetInt64(2),
            Quote = reader.GetString(3),
            Source = $"Activiteit in fase {reader.GetInt32(4)}",
            Date = reader.GetDateOrNull(5),
            Note = reader.GetString(6),
        }), cancellationToken, parameters);
        return codings.Concat(reflections).Concat(meetings).Concat(activities).ToLookup(e => e.FindingId, e => e.Evidence);
    }

    private static void Check(FindingDraft draft)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "title", draft.Title, TitleMaxLength, "de titel van de bevinding");
        Checks.Optional(errors, "heading", draft.Heading, HeadingMaxLength, "het thema");
        Checks.Optional(errors, "explanation", draft.Explanation, ExplanationMaxLength, "de toelichting");
        if (draft.Determinants.Any(d => d is < 1 or > 29))
        {
            errors.Add(new ValidationError("determinants", "MIDI-determinanten zijn genummerd 1 tot en met 29."));
        }

        if (draft.BowenAreas.Any(a => a is < 1 or > 8))
        {
            errors.Add(new ValidationError("bowenAreas", "De principes van Bowen zijn genummerd 1 tot en met 8."));
        }

        if (draft.Phase is < 0 or > 5)
        {
            errors.Add(new ValidationError("phase", "Een fase is 0 (ontwikkelen) tot en met 5 (blijven doen)."));
        }

        Checks.ThrowIfAny(errors);
    }
}
