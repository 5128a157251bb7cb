using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Portfolio;

namespace Monitor.Core.Planning;

/// <summary>The implementation plan: phase goals, activities with their determinants, phase transitions.</summary>
public sealed class PlanStore
{
    private const string ActivityColumns = """
        id, project_id, phase, title, description, target_group, actors, barriers, facilitators, preconditions,
        owner, planned_month, status, started_on, completed_on, updated_at, uid
        """;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public PlanStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>The plan of a project, or null when there is no such project.</summary>
    public async Task<ImplementationPlan?> FindPlanAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var plan = await ReadPlanAsync(connection, transaction, projectId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return plan;
    }

    /// <summary>The plan as <see cref="FindPlanAsync"/> reads it, inside the caller's transaction (a plan version freezes it so).</summary>
    internal static async Task<ImplementationPlan?> ReadPlanAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken)
    {
        if (await CurrentPhaseAsync(connection, transaction, projectId, cancellationToken) is not { } currentPhase)
        {
            return null;
        }

        var goals = await connection.QueryAsync(transaction, "SELECT phase, goal FROM phase_goals WHERE project_id = @project_id ORDER BY phase;",
            reader => new PhaseGoal(reader.GetInt32(0), reader.GetString(1)), cancellationToken, ("@project_id", projectId));
        var activities = await ReadActivitiesAsync(connection, transaction, projectId, cancellationToken);
        var transitions = await connection.QueryAsync(transaction, """
            SELECT id, from_phase, to_phase, decided_on, note, decided_by FROM phase_transitions WHERE project_id = @project_id ORDER BY decided_on, id;
            """, reader => new PhaseTransition(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDate(3), reader.GetString(4), reader.GetString(5)),
            cancellationToken, ("@project_id", projectId));
        return new ImplementationPlan(projectId, (int)currentPhase, goals, activities, transitions);
    }

    public async Task<PlanActivity?> FindActivityAsync(long projectId, long activityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var found = await ReadActivitiesAsync(connection, transaction, projectId, cancellationToken, activityId);
        return found.SingleOrDefault();
    }

    /// <exception cref="ValidationException">The activity breaks a rule; nothing was written.</exception>
    public async Task<long> CreateActivityAsync(long projectId, PlanActivityDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var id = await InsertActivityAsync(connection, transaction, projectId, draft, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Replaces the activity's fields; false when the project has no such activity.</summary>
    public async Task<bool> UpdateActivityAsync(long projectId, long activityId, PlanActivityDraft draft, Actor actor, CancellationToken cancellationToken = default)
    {
        Validate(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var before = (await ReadActivitiesAsync(connection, transaction, projectId, cancellationToken, activityId)).SingleOrDefault();
        if (before is null)
        {
            return false;
        }

        const string sql = """
            UPDATE plan_activities SET
                phase = @phase, title = @title, description = @description, target_group = @target_group, actors = @actors,
                barriers = @barriers, facilitators = @facilitators, preconditions = @preconditions, owner = @owner,
                planned_month = @planned_month, status = @status, started_on = @started_on, completed_on = @completed_on,
                updated_at = @updated_at
            WHERE id = @id AND project_id = @project_id;
            """;
        await connection.ExecuteAsync(transaction, sql, cancellationToken, [.. Fields(draft), ("@id", activityId), ("@project_id", projectId)]);
        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);

        await ReplaceDeterminantsAsync(connection, transaction, activityId, draft.Determinants, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("activiteit", activityId, projectId, Describe(before.Fields), Describe(draft)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Changes only the status (see <see cref="PlanActivityDraft.WithStatus"/>); false when the project has no such activity.</summary>
    public async Task<bool> SetActivityStatusAsync(long projectId, long activityId, ActivityStatus status, DateOnly today, Actor actor, CancellationToken cancellationToken = default)
    {
        var current = await FindActivityAsync(projectId, activityId, cancellationToken);
        return current is not null && await UpdateActivityAsync(projectId, activityId, current.Fields.WithStatus(status, today), actor, cancellationToken);
    }

    public async Task<bool> DeleteActivityAsync(long projectId, long activityId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var before = (await ReadActivitiesAsync(connection, transaction, projectId, cancellationToken, activityId)).SingleOrDefault();
        if (before is null)
        {
            return false;
        }

        await connection.ExecuteAsync(transaction, "DELETE FROM plan_activities WHERE id = @id AND project_id = @project_id;", cancellationToken,
            ("@project_id", projectId), ("@id", activityId));
        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("activiteit", activityId, projectId, Describe(before.Fields)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets the goal of a phase; an empty goal removes it.</summary>
    public async Task SetGoalAsync(long projectId, int phase, string? goal, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await SetGoalAsync(connection, transaction, projectId, phase, goal, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Adds imported activities and goals to the plan in one transaction: all of them or, on the first
    /// refused row, none.
    /// </summary>
    public async Task ImportAsync(long projectId, IReadOnlyList<PlanActivityDraft> activities, IReadOnlyList<PhaseGoal> goals, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        await AddAllAsync(connection, transaction, projectId, activities, goals, actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal async Task AddAllAsync(DbConnection connection, DbTransaction transaction, long projectId, IReadOnlyList<PlanActivityDraft> activities, IReadOnlyList<PhaseGoal> goals, Actor actor, CancellationToken cancellationToken)
    {
        foreach (var goal in goals)
        {
            await SetGoalAsync(connection, transaction, projectId, goal.Phase, goal.Goal, actor, cancellationToken);
        }

        foreach (var activity in activities)
        {
            await InsertActivityAsync(connection, transaction, projectId, activity, actor, cancellationToken);
        }
    }

    /// <summary>
    /// Sets the meetings where the activity was discussed; every meeting must belong to a group of the same
    /// project. Returns false when the project has no such activity.
    /// </summary>
    public async Task<bool> SetActivityMeetingsAsync(long projectId, long activityId, IReadOnlyCollection<long> meetingIds, Actor actor, CancellationToken cancellationToken = default)
    {
        if (meetingIds.Count > 500)
        {
            throw new ValidationException([new ValidationError("meetingIds", "Koppel hoogstens 500 bijeenkomsten aan één activiteit.")]);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var before = (await ReadActivitiesAsync(connection, transaction, projectId, cancellationToken, activityId)).SingleOrDefault();
        if (before is null)
        {
            return false;
        }

        var wanted = meetingIds.Distinct().Order().ToList();
        var ids = System.Text.Json.JsonSerializer.Serialize(wanted);
        var found = (await connection.QueryAsync(transaction, """
            SELECT m.id FROM meetings m JOIN project_groups g ON g.id = m.group_id
            WHERE g.project_id = @project_id AND m.id IN (SELECT value FROM json_each(@ids));
            """, reader => reader.GetInt64(0), cancellationToken, ("@project_id", projectId), ("@ids", ids))).ToHashSet();
        var foreign = wanted.Where(id => !found.Contains(id)).ToList();
        if (foreign.Count > 0)
        {
            throw new ValidationException([new ValidationError("meetingIds", $"Bijeenkomst {string.Join(", ", foreign)} hoort niet bij dit project.")]);
        }

        await connection.ExecuteAsync(transaction, "DELETE FROM plan_activity_meetings WHERE activity_id = @id;", cancellationToken, ("@id", activityId));
        await connection.ExecuteAsync(transaction, "INSERT INTO plan_activity_meetings (activity_id, meeting_id) SELECT @id, value FROM json_each(@ids);", cancellationToken,
            ("@id", activityId), ("@ids", ids));

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("activiteit", activityId, projectId,
            new Dictionary<string, string?> { ["meetings"] = string.Join(", ", before.MeetingIds) },
            new Dictionary<string, string?> { ["meetings"] = string.Join(", ", wanted) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Records the decision to move the project to another phase and makes it the current phase.</summary>
    public async Task<long> RecordTransitionAsync(long projectId, int toPhase, DateOnly decidedOn, string? note, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        if (toPhase is < 0 or > 5)
        {
            errors.Add(new("toPhase", "Kies een fase van 0 (ontwikkelen) tot en met 5 (blijven doen)."));
        }

        Checks.Optional(errors, "note", note, 2000, "de toelichting");

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var fromPhase = await CurrentPhaseAsync(connection, transaction, projectId, cancellationToken)
            ?? throw new ValidationException([new ValidationError("projectId", "Dit project bestaat niet (meer).")]);

        if (fromPhase == toPhase)
        {
            throw new ValidationException([new ValidationError("toPhase", $"Het project zit al in fase {toPhase}.")]);
        }

        var id = await InsertTransitionAsync(connection, transaction, projectId, (int)fromPhase, toPhase, decidedOn, note?.Trim() ?? "", actor.Name, cancellationToken);
        await connection.ExecuteAsync(transaction, "UPDATE projects SET current_phase = @to_phase WHERE id = @project_id;", cancellationToken,
            ("@project_id", projectId), ("@to_phase", toPhase));
        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("project", projectId, projectId,
            new Dictionary<string, string?> { ["currentPhase"] = fromPhase.ToString(CultureInfo.InvariantCulture) },
            new Dictionary<string, string?> { ["currentPhase"] = toPhase.ToString(CultureInfo.InvariantCulture), ["decidedOn"] = decidedOn.ToDbValue(), ["note"] = note?.Trim() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Inserts a phase decision as it was taken (the demo loader records the seed projects' history with it).</summary>
    internal static async Task<long> InsertTransitionAsync(DbConnection connection, DbTransaction transaction, long projectId, int fromPhase, int toPhase, DateOnly decidedOn,
        string note, string decidedBy, CancellationToken cancellationToken) =>
        await connection.InsertAsync(transaction, """
            INSERT INTO phase_transitions (project_id, from_phase, to_phase, decided_on, note, decided_by)
            VALUES (@project_id, @from_phase, @to_phase, @decided_on, @note, @decided_by)
            RETURNING id;
            """, cancellationToken, ("@project_id", projectId), ("@from_phase", fromPhase), ("@to_phase", toPhase), ("@decided_on", decidedOn.ToDbValue()),
            ("@note", note), ("@decided_by", decidedBy));

    private async Task<long> InsertActivityAsync(DbConnection connection, DbTransaction transaction, long projectId, PlanActivityDraft draft, Actor actor, CancellationToken cancellationToken)
    {
        Validate(draft);
        const string sql = """
            INSERT INTO plan_activities (project_id, phase, title, description, target_group, actors, barriers, facilitators,
                preconditions, owner, planned_month, status, started_on, completed_on, updated_at, uid)
            VALUES (@project_id, @phase, @title, @description, @target_group, @actors, @barriers, @facilitators,
                @preconditions, @owner, @planned_month, @status, @started_on, @completed_on, @updated_at, @uid)
            RETURNING id;
            """;
        long id;
        try
        {
            id = await connection.InsertAsync(transaction, sql, cancellationToken, [.. Fields(draft), ("@project_id", projectId)]);
        }
        catch (DbException ex) when (ex.IsForeignKeyViolation())
        {
            throw new ValidationException([new ValidationError("projectId", "Dit project bestaat niet (meer).")]);
        }

        await ReplaceDeterminantsAsync(connection, transaction, id, draft.Determinants, cancellationToken);
        await PortfolioFigures.ProjectChangedAsync(connection, transaction, projectId, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("activiteit", id, projectId, Describe(draft)), cancellationToken);
        return id;
    }

    private async Task SetGoalAsync(DbConnection connection, DbTransaction transaction, long projectId, int phase, string? goal, Actor actor, CancellationToken cancellationToken)
    {
        var text = goal?.Trim() ?? "";
        if (phase is < 0 or > 5)
        {
            throw new ValidationException([new ValidationError("phase", "Kies een fase van 0 (ontwikkelen) tot en met 5 (blijven doen).")]);
        }

        var goalErrors = new List<ValidationError>();
        Checks.Optional(goalErrors, "goal", text, 4000, "het doel");
        Checks.ThrowIfAny(goalErrors);

        var before = (string?)await connection.ScalarAsync(transaction, "SELECT goal FROM phase_goals WHERE project_id = @project_id AND phase = @phase;", cancellationToken,
            ("@project_id", projectId), ("@phase", phase));
        if (string.Equals(before ?? "", text, StringComparison.Ordinal))
        {
            return;
        }

        var sql = text.Length == 0
            ? "DELETE FROM phase_goals WHERE project_id = @project_id AND phase = @phase;"
            : "INSERT INTO phase_goals (project_id, phase, goal) VALUES (@project_id, @phase, @goal) ON CONFLICT (project_id, phase) DO UPDATE SET goal = excluded.goal;";
        try
        {
            await connection.ExecuteAsync(transaction, sql, cancellationToken, ("@project_id", projectId), ("@phase", phase), ("@goal", text));
        }
        catch (DbException ex) when (ex.IsForeignKeyViolation())
        {
            throw new ValidationException([new ValidationError("projectId", "Dit project bestaat niet (meer).")]);
        }

        var key = $"goal{phase}";
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("project", projectId, projectId,
            new Dictionary<string, string?> { [key] = before }, new Dictionary<string, string?> { [key] = text.Length == 0 ? null : text }), cancellationToken);
    }

    private static void Validate(PlanActivityDraft draft)
    {
        var errors = PlanActivityValidator.Validate(draft);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    /// <summary>The activity's fields as the parameters of its INSERT and UPDATE.</summary>
    private (string Name, object? Value)[] Fields(PlanActivityDraft draft) =>
    [
        ("@phase", draft.Phase),
        ("@title", draft.Title.Trim()),
        ("@description", draft.Description ?? ""),
        ("@target_group", draft.TargetGroup.ToCode()),
        ("@actors", draft.Actors ?? ""),
        ("@barriers", draft.Barriers ?? ""),
        ("@facilitators", draft.Facilitators ?? ""),
        ("@preconditions", draft.Preconditions ?? ""),
        ("@owner", draft.Owner?.Trim() ?? ""),
        ("@planned_month", draft.PlannedMonth?.ToString()),
        ("@status", draft.Status.ToCode()),
        ("@started_on", draft.StartedOn.ToDbValue()),
        ("@completed_on", draft.CompletedOn.ToDbValue()),
        ("@updated_at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
        ("@uid", Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))),
    ];

    private static async Task<long?> CurrentPhaseAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, "SELECT current_phase FROM projects WHERE id = @project_id;", cancellationToken, ("@project_id", projectId));

    private static async Task ReplaceDeterminantsAsync(DbConnection connection, DbTransaction transaction, long activityId, IReadOnlyList<int> determinants, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(transaction, "DELETE FROM plan_activity_determinants WHERE activity_id = @id;", cancellationToken, ("@id", activityId));
        foreach (var determinant in determinants.Distinct())
        {
            await connection.ExecuteAsync(transaction, "INSERT INTO plan_activity_determinants (activity_id, determinant) VALUES (@id, @determinant);", cancellationToken,
                ("@id", activityId), ("@determinant", determinant));
        }
    }

    /// <summary>The project's activities, or only the one with <paramref name="activityId"/>.</summary>
    private static async Task<List<PlanActivity>> ReadActivitiesAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken, long? activityId = null)
    {
        // Both link tables hold (activity_id, value) rows; read each into a lookup per activity.
        var determinants = await ReadLinksAsync(connection, transaction, projectId, activityId, "plan_activity_determinants", "determinant", r => r.GetInt32(1), cancellationToken);
        var meetings = await ReadLinksAsync(connection, transaction, projectId, activityId, "plan_activity_meetings", "meeting_id", r => r.GetInt64(1), cancellationToken);
        return await connection.QueryAsync(transaction, $"""
            SELECT {ActivityColumns} FROM plan_activities
            WHERE project_id = @project_id AND (@id IS NULL OR id = @id)
            ORDER BY phase, planned_month IS NULL, planned_month, id;
            """, reader =>
        {
            var id = reader.GetInt64(0);
            return new PlanActivity
            {
                Id = id,
                ProjectId = reader.GetInt64(1),
                UpdatedAt = DateTimeOffset.Parse(reader.GetString(15), CultureInfo.InvariantCulture),
                Key = reader.GetStringOrNull(16) ?? id.ToString(CultureInfo.InvariantCulture),
                MeetingIds = [.. meetings[id]],
                Fields = new PlanActivityDraft
                {
                    Phase = reader.GetInt32(2),
                    Title = reader.GetString(3),
                    Description = reader.GetString(4),
                    TargetGroup = Codes.Parse<TargetGroup>(reader.GetString(5)),
                    Actors = reader.GetString(6),
                    Barriers = reader.GetString(7),
                    Facilitators = reader.GetString(8),
                    Preconditions = reader.GetString(9),
                    Owner = reader.GetString(10),
                    PlannedMonth = reader.GetStringOrNull(11) is { } month ? YearMonth.Parse(month) : null,
                    Status = Codes.Parse<ActivityStatus>(reader.GetString(12)),
                    StartedOn = reader.GetDateOrNull(13),
                    CompletedOn = reader.GetDateOrNull(14),
                    Determinants = [.. determinants[id]],
                },
            };
        }, cancellationToken, ("@project_id", projectId), ("@id", activityId));
    }

    private static async Task<ILookup<long, T>> ReadLinksAsync<T>(DbConnection connection, DbTransaction transaction, long projectId, long? activityId, string table, string column, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        // table and column are constants of this class, never input.
        var sql = $"""
            SELECT l.activity_id, l.{column} FROM {table} l
            JOIN plan_activities a ON a.id = l.activity_id
            WHERE a.project_id = @project_id AND (@id IS NULL OR a.id = @id)
            ORDER BY l.activity_id, l.{column};
            """;
        return (await connection.QueryAsync(transaction, sql, reader => (ActivityId: reader.GetInt64(0), Value: read(reader)), cancellationToken,
            ("@project_id", projectId), ("@id", activityId))).ToLookup(l => l.ActivityId, l => l.Value);
    }

    private static Dictionary<string, string?> Describe(PlanActivityDraft draft) => new()
    {
        ["phase"] = draft.Phase.ToString(CultureInfo.InvariantCulture),
        ["title"] = draft.Title.Trim(),
        ["description"] = draft.Description,
        ["targetGroup"] = draft.TargetGroup.ToCode(),
        ["actors"] = draft.Actors,
        ["barriers"] = draft.Barriers,
        ["facilitators"] = draft.Facilitators,
        ["preconditions"] = draft.Preconditions,
        ["owner"] = draft.Owner,
        ["plannedMonth"] = draft.PlannedMonth?.ToString(),
        ["status"] = draft.Status.ToCode(),
        ["startedOn"] = draft.StartedOn.ToDbValue() as string,
        ["completedOn"] = draft.CompletedOn.ToDbValue() as string,
        ["determinants"] = string.Join(", ", draft.Determinants),
    };
}
