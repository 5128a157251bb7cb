using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Planning;

/// <summary>
/// Named versions of the implementation plan (#23): the projectleider saves the plan as it stands as a version, puts
/// it up for discussion at a group of the project and has it vastgesteld. A version never changes (a revision is a
/// new version); one version at a time is vastgesteld, and vaststellen a newer one marks the earlier one vervangen in
/// the same transaction. The vastgestelde version is the baseline the plan page and the reports measure against.
/// </summary>
public sealed class PlanVersionStore
{
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 2000;

    private const string VersionColumns = "id, project_id, number, name, note, status, snapshot, saved_on, created_by";

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public PlanVersionStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>The project's versions, newest first; null when there is no such project.</summary>
    public async Task<IReadOnlyList<PlanVersion>?> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        if (await connection.ScalarAsync(transaction, "SELECT 1 FROM projects WHERE id = @project;", cancellationToken, ("@project", projectId)) is null)
        {
            return null;
        }

        return await ReadAsync(connection, transaction, projectId, null, cancellationToken);
    }

    public async Task<PlanVersion?> FindAsync(long projectId, long versionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return (await ReadAsync(connection, transaction, projectId, versionId, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The vastgestelde version now, or null when the project has none.</summary>
    public async Task<PlanVersion?> FindBaselineAsync(long projectId, CancellationToken cancellationToken = default) =>
        (await ListAsync(projectId, cancellationToken))?.FirstOrDefault(v => v.Status == PlanVersionStatus.Vastgesteld);

    /// <summary>The version that was the baseline at the end of <paramref name="date"/> (a report over a period measures against it), or null.</summary>
    public async Task<PlanVersion?> FindBaselineOnAsync(long projectId, DateOnly date, CancellationToken cancellationToken = default) =>
        (await ListAsync(projectId, cancellationToken))?.FirstOrDefault(v => v.WasBaselineOn(date));

    /// <summary>
    /// Saves the plan as it stands now as a new concept version; null when there is no such project.
    /// </summary>
    /// <exception cref="ValidationException">No name, a name the project already uses, or a text too long.</exception>
    public async Task<long?> CreateAsync(long projectId, string? name, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", name, MaxNameLength, "de naam van de versie");
        Checks.Optional(errors, "note", note, MaxNoteLength, "de toelichting");
        Checks.ThrowIfAny(errors);

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await PlanStore.ReadPlanAsync(connection, transaction, projectId, cancellationToken) is not { } plan)
        {
            return null;
        }

        var id = await InsertAsync(connection, transaction, projectId, name!.Trim(), note?.Trim() ?? "", DutchClock.Today(_time), PlanSnapshot.From(plan), actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Moves a version on: ter bespreking (at a group, a meeting, or with someone named by role) or vastgesteld. False
    /// when the project has no such version.
    /// </summary>
    /// <exception cref="ValidationException">The step is not allowed from where the version stands; the reason in Dutch.</exception>
    public async Task<bool> ChangeStatusAsync(long projectId, long versionId, PlanVersionStepDraft step, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var versions = await ReadAsync(connection, transaction, projectId, null, cancellationToken);
        if (versions.FirstOrDefault(v => v.Id == versionId) is not { } version)
        {
            return false;
        }

        var baseline = versions.FirstOrDefault(v => v.Status == PlanVersionStatus.Vastgesteld);
        var errors = new List<ValidationError>();
        Checks.Optional(errors, "who", step.Who, PlanVersionStepDraft.MaxWhoLength, "wie");
        Checks.Optional(errors, "note", step.Note, PlanVersionStepDraft.MaxNoteLength, "de toelichting");
        errors.AddRange(Refusals(version, baseline, versions, step));
        Checks.ThrowIfAny(errors);

        var groupId = step.GroupId;
        if (step.MeetingId is { } meetingId)
        {
            var meetingGroup = await connection.ScalarLongAsync(transaction, """
                SELECT m.group_id FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE m.id = @meeting AND g.project_id = @project;
                """, cancellationToken, ("@meeting", meetingId), ("@project", projectId))
                ?? throw new ValidationException([new ValidationError("meetingId", $"Bijeenkomst {meetingId} hoort niet bij dit project.")]);
            if (groupId is { } chosen && chosen != meetingGroup)
            {
                throw new ValidationException([new ValidationError("meetingId", "De bijeenkomst hoort niet bij de gekozen groep.")]);
            }

            groupId = meetingGroup;
        }
        else if (groupId is { } group && await connection.ScalarAsync(transaction, "SELECT 1 FROM project_groups WHERE id = @group AND project_id = @project;", cancellationToken,
            ("@group", group), ("@project", projectId)) is null)
        {
            throw new ValidationException([new ValidationError("groupId", $"Groep {group} hoort niet bij dit project.")]);
        }

        if (step.Status == PlanVersionStatus.Vastgesteld && baseline is not null)
        {
            await SetStatusAsync(connection, transaction, baseline.Id, PlanVersionStatus.Vervangen, step.HappenedOn, null, null, "", $"vervangen door ‘{version.Name}’", actor, cancellationToken);
            await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("planversie", baseline.Id, projectId,
                new Dictionary<string, string?> { ["status"] = baseline.Status.ToCode() }, new Dictionary<string, string?> { ["status"] = PlanVersionStatus.Vervangen.ToCode() }), cancellationToken);
        }

        await SetStatusAsync(connection, transaction, version.Id, step.Status, step.HappenedOn, groupId, step.MeetingId, step.Who.Trim(), step.Note.Trim(), actor, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("planversie", version.Id, projectId,
            new Dictionary<string, string?> { ["status"] = version.Status.ToCode() },
            new Dictionary<string, string?> { ["status"] = step.Status.ToCode(), ["on"] = step.HappenedOn.ToDbValue(), ["groupId"] = groupId?.ToString(CultureInfo.InvariantCulture), ["who"] = step.Who.Trim() }),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The readable difference from one version to another; null when either is not the project's.</summary>
    public async Task<(PlanVersion From, PlanVersion To, PlanDiff Diff)?> DiffAsync(long projectId, long fromId, long toId, CancellationToken cancellationToken = default)
    {
        var versions = await ListAsync(projectId, cancellationToken) ?? [];
        return versions.FirstOrDefault(v => v.Id == fromId) is { } from && versions.FirstOrDefault(v => v.Id == toId) is { } to
            ? (from, to, PlanDiff.Compare(from.Snapshot, to.Snapshot))
            : null;
    }

    /// <summary>The Dutch reasons a step is refused, empty when it is allowed.</summary>
    private static IEnumerable<ValidationError> Refusals(PlanVersion version, PlanVersion? baseline, IReadOnlyList<PlanVersion> versions, PlanVersionStepDraft step)
    {
        switch (version.Status)
        {
            case PlanVersionStatus.Vastgesteld:
                yield return new("status", $"Versie ‘{version.Name}’ is vastgesteld en verandert niet meer; sla voor een bijstelling een nieuwe versie op.");
                yield break;
            case PlanVersionStatus.Vervangen:
                var by = versions.Where(v => v.Number > version.Number && v.Status is PlanVersionStatus.Vastgesteld or PlanVersionStatus.Vervangen).MinBy(v => v.Number);
                yield return new("status", $"Versie ‘{version.Name}’ is vervangen{(by is null ? "" : $" door ‘{by.Name}’")} en verandert niet meer.");
                yield break;
        }

        switch (step.Status)
        {
            case PlanVersionStatus.Concept:
                yield return new("status", "Een versie wordt niet terug concept; sla een nieuwe versie op om verder te werken.");
                yield break;
            case PlanVersionStatus.Vervangen:
                yield return new("status", "Een versie wordt vervangen doordat een nieuwere versie wordt vastgesteld, niet met de hand.");
                yield break;
            case PlanVersionStatus.TerBespreking when step.GroupId is null && step.MeetingId is null && string.IsNullOrWhiteSpace(step.Who):
                yield return new("groupId", "Zeg bij welke groep of met wie (een rol, zoals ‘lid MT’) de versie wordt besproken.");
                break;
            case PlanVersionStatus.Vastgesteld when step.GroupId is null && step.MeetingId is null && string.IsNullOrWhiteSpace(step.Who):
                yield return new("who", "Zeg wie de versie heeft vastgesteld: een groep of een rol, zoals ‘Veranderteam’.");
                break;
        }

        if (step.HappenedOn < version.SavedOn)
        {
            yield return new("happenedOn", $"De datum ligt voor {version.SavedOn:dd-MM-yyyy}, de dag waarop de versie is opgeslagen.");
        }
        else if (version.Steps.Count > 0 && step.HappenedOn < version.Steps[^1].HappenedOn)
        {
            yield return new("happenedOn", $"De datum ligt voor de vorige stap van deze versie ({version.Steps[^1].HappenedOn:dd-MM-yyyy}).");
        }

        if (step.Status == PlanVersionStatus.Vastgesteld && baseline is not null)
        {
            if (baseline.Number > version.Number)
            {
                yield return new("status", $"Versie ‘{version.Name}’ is ouder dan de vastgestelde versie ‘{baseline.Name}’; stel een nieuwere versie vast.");
            }
            else if (baseline.AdoptedOn is { } adopted && step.HappenedOn < adopted)
            {
                yield return new("happenedOn", $"De datum ligt voor de vaststelling van ‘{baseline.Name}’ ({adopted:dd-MM-yyyy}).");
            }
        }
    }

    /// <summary>Stores a version with its snapshot and its first step, 'concept' on <paramref name="savedOn"/> (the demo loader stores the seed's history with it).</summary>
    internal async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, long projectId, string name, string note, DateOnly savedOn, PlanSnapshot snapshot,
        Actor actor, CancellationToken cancellationToken)
    {
        if (await connection.ScalarAsync(transaction, "SELECT 1 FROM plan_versions WHERE project_id = @project AND name = @name;", cancellationToken,
            ("@project", projectId), ("@name", name)) is not null)
        {
            throw new ValidationException([new ValidationError("name", $"Er is al een versie ‘{name}’ in dit project; kies een andere naam.")]);
        }

        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var id = await connection.InsertAsync(transaction, """
            INSERT INTO plan_versions (project_id, number, name, note, status, snapshot, saved_on, created_at, created_by)
            VALUES (@project, (SELECT coalesce(max(number), 0) + 1 FROM plan_versions WHERE project_id = @project), @name, @note, 'concept', @snapshot, @saved_on, @now, @by)
            RETURNING id;
            """, cancellationToken, ("@project", projectId), ("@name", name), ("@note", note), ("@snapshot", snapshot.ToJson()), ("@saved_on", savedOn.ToDbValue()),
            ("@now", now), ("@by", actor.Name));
        await InsertStepAsync(connection, transaction, id, PlanVersionStatus.Concept, savedOn, null, null, "", "", actor, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("planversie", id, projectId, new Dictionary<string, string?>
        {
            ["name"] = name,
            ["activities"] = snapshot.Activities.Count.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        return id;
    }

    /// <summary>Records a step as it was taken (the demo loader's history; <see cref="ChangeStatusAsync"/> checks the rules first).</summary>
    internal async Task SetStatusAsync(DbConnection connection, DbTransaction transaction, long versionId, PlanVersionStatus status, DateOnly on, long? groupId, long? meetingId,
        string who, string note, Actor actor, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(transaction, "UPDATE plan_versions SET status = @status WHERE id = @id;", cancellationToken, ("@status", status.ToCode()), ("@id", versionId));
        await InsertStepAsync(connection, transaction, versionId, status, on, groupId, meetingId, who, note, actor, cancellationToken);
    }

    private async Task InsertStepAsync(DbConnection connection, DbTransaction transaction, long versionId, PlanVersionStatus status, DateOnly on, long? groupId, long? meetingId,
        string who, string note, Actor actor, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(transaction, """
            INSERT INTO plan_version_steps (version_id, status, happened_on, group_id, meeting_id, who, note, recorded_at, recorded_by)
            VALUES (@version, @status, @on, @group, @meeting, @who, @note, @now, @by);
            """, cancellationToken, ("@version", versionId), ("@status", status.ToCode()), ("@on", on.ToDbValue()), ("@group", groupId), ("@meeting", meetingId),
            ("@who", who), ("@note", note), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)), ("@by", actor.Name));

    private static async Task<List<PlanVersion>> ReadAsync(DbConnection connection, DbTransaction transaction, long projectId, long? versionId, CancellationToken cancellationToken)
    {
        var steps = (await connection.QueryAsync(transaction, """
            SELECT s.version_id, s.status, s.happened_on, s.group_id, g.name, s.meeting_id, m.held_on, s.who, s.note, s.recorded_by
            FROM plan_version_steps s
            JOIN plan_versions v ON v.id = s.version_id
            LEFT JOIN project_groups g ON g.id = s.group_id
            LEFT JOIN meetings m ON m.id = s.meeting_id
            WHERE v.project_id = @project AND (@id IS NULL OR v.id = @id)
            ORDER BY s.version_id, s.id;
            """, reader => (VersionId: reader.GetInt64(0), Step: new PlanVersionStep(Codes.Parse<PlanVersionStatus>(reader.GetString(1)), reader.GetDate(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetStringOrNull(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.GetDateOrNull(6),
                reader.GetString(7), reader.GetString(8), reader.GetString(9))), cancellationToken, ("@project", projectId), ("@id", versionId)))
            .ToLookup(s => s.VersionId, s => s.Step);
        return await connection.QueryAsync(transaction, $"""
            SELECT {VersionColumns} FROM plan_versions WHERE project_id = @project AND (@id IS NULL OR id = @id) ORDER BY number DESC;
            """, reader => new PlanVersion(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                Codes.Parse<PlanVersionStatus>(reader.GetString(5)), reader.GetDate(7), reader.GetString(8), PlanSnapshot.FromJson(reader.GetString(6)),
                [.. steps[reader.GetInt64(0)]]), cancellationToken, ("@project", projectId), ("@id", versionId));
    }
}
