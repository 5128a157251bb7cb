using System.Data.Common;
using System.Text.Json;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Planning;

namespace Monitor.Core.Portfolio;

/// <summary>
/// The management dashboard: one <see cref="PortfolioRow"/> per project, from five set-based queries (one per
/// table group, grouped by project) in one read transaction, so the cost does not grow with a query per project.
/// Plan figures come from <see cref="PlanScoring"/>. An open barrier ("open belemmering") is a MIDI determinant
/// whose barrier codings (valence belemmerend) outnumber its facilitator codings (bevorderend) among the
/// regular and consensus codings that are not removed or unplaced, dated from today − 180 days up to and
/// including today; a coding is dated by its meeting (or, for uploads, the day the document was added).
/// For today (the Dutch date of the clock) the figures are read from project_figures, one stored row per project:
/// the writes that change a project's figures drop its row (<see cref="PortfolioFigures"/>), and the rows that are
/// missing or of another day are computed with the live queries and stored (#20: 2 000 projects under 300 ms).
/// Any other reference date is computed live.
/// </summary>
public sealed class PortfolioService
{
    /// <summary>How far back codings count for <see cref="PortfolioRow.OpenBarriers"/>.</summary>
    public const int BarrierWindowDays = 180;

    private readonly MonitorDatabase _database;
    private readonly TimeProvider _time;

    public PortfolioService(MonitorDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Rows for the given projects (null: all), by name; ids without a project are skipped.</summary>
    /// <remarks><paramref name="today"/> is the reference date (peildatum): every figure is as the projects stood on it.</remarks>
    public async Task<IReadOnlyList<PortfolioRow>> ListAsync(IReadOnlyCollection<long>? projectIds, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (projectIds is { Count: 0 })
        {
            return [];
        }

        return today == DutchClock.Today(_time)
            ? (await ListStoredAsync(projectIds, today, cancellationToken)).Rows
            : await ListLiveAsync(projectIds, today, cancellationToken);
    }

    /// <summary>
    /// The same rows computed from the live queries only, never from (or into) the stored figures: what
    /// <see cref="ListAsync"/> answers for a reference date other than today, and the yardstick for the stored rows.
    /// </summary>
    public async Task<IReadOnlyList<PortfolioRow>> ListLiveAsync(IReadOnlyCollection<long>? projectIds, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (projectIds is { Count: 0 })
        {
            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        // One snapshot for all five queries while the worker or another user writes.
        await using var transaction = connection.BeginRead();
        var rows = await ComputeAsync(connection, transaction, projectIds, today, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>
    /// Computes and stores today's figures of every project that has none for today (the nightly job, so the first
    /// view of a new day reads stored rows too); returns how many projects were computed.
    /// </summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken = default) =>
        (await ListStoredAsync(null, DutchClock.Today(_time), cancellationToken)).Computed;

    private async Task<(IReadOnlyList<PortfolioRow> Rows, int Computed)> ListStoredAsync(IReadOnlyCollection<long>? projectIds, DateOnly today, CancellationToken cancellationToken)
    {
        (string, object?)[] parameters = [("@ids", projectIds is null ? null : JsonSerializer.Serialize(projectIds)), ("@today", today.ToDbValue())];
        await using var connection = await _database.OpenAsync(cancellationToken);
        List<(long Id, PortfolioRow? Row)> stored;
        await using (var read = connection.BeginRead())
        {
            stored = await connection.QueryAsync(read, StoredSql, reader => (reader.GetInt64(0), ReadStored(reader, today)), cancellationToken, parameters);
            await read.CommitAsync(cancellationToken);
        }

        var missing = stored.Where(s => s.Row is null).Select(s => s.Id).ToList();
        if (missing.Count == 0)
        {
            return ([.. stored.Select(s => s.Row!)], 0);
        }

        // BEGIN IMMEDIATE: no write can slip in between computing the figures and storing them, so a stored row is
        // never older than the last write that dropped it. Another request may have stored some rows meanwhile.
        await using var write = await connection.BeginWriteAsync(cancellationToken);
        var filled = (await connection.QueryAsync(write, StoredSql, reader => (Id: reader.GetInt64(0), Row: ReadStored(reader, today)), cancellationToken,
                ("@ids", JsonSerializer.Serialize(missing)), ("@today", today.ToDbValue())))
            .Where(s => s.Row is not null).ToDictionary(s => s.Id, s => s.Row!);
        var stillMissing = missing.Where(id => !filled.ContainsKey(id)).ToList();
        // all projects missing (a new day): the queries without an id filter
        var computed = await ComputeAsync(connection, write, projectIds is null && stillMissing.Count == stored.Count ? null : stillMissing, today, cancellationToken);
        await connection.ExecuteAsync(write, "DELETE FROM project_figures WHERE figures_on <> @today;", cancellationToken, ("@today", today.ToDbValue()));
        foreach (var row in computed)
        {
            await StoreAsync(connection, write, row, today, cancellationToken);
            filled[row.ProjectId] = row;
        }

        await write.CommitAsync(cancellationToken);
        // a project deleted between the two transactions has no row any more and is left out
        return ([.. stored.Select(s => s.Row ?? filled.GetValueOrDefault(s.Id)).OfType<PortfolioRow>()], computed.Count);
    }

    private const string StoredSql = """
        SELECT p.id, p.name, p.organisation, f.phase, f.activities, f.activities_done, f.current_phase_score, f.overdue_activities,
               f.last_meeting_on, f.open_action_items, f.open_barriers, f.reach, f.reach_month
        FROM projects p LEFT JOIN project_figures f ON f.project_id = p.id AND f.figures_on = @today
        WHERE @ids IS NULL OR p.id IN (SELECT value FROM json_each(@ids))
        ORDER BY p.name COLLATE NOCASE, p.id;
        """;

    /// <summary>The stored row, or null when the project has none for today.</summary>
    private static PortfolioRow? ReadStored(DbDataReader reader, DateOnly today)
    {
        if (reader.IsDBNull(3))
        {
            return null;
        }

        var counted = reader.GetInt32(4);
        var done = reader.GetInt32(5);
        var last = reader.GetDateOrNull(8);
        return new PortfolioRow
        {
            ProjectId = reader.GetInt64(0),
            Name = reader.GetString(1),
            Organisation = reader.GetString(2),
            CurrentPhase = reader.GetInt32(3),
            OverallScore = counted == 0 ? null : (double)done / counted,
            CurrentPhaseScore = reader.IsDBNull(6) ? null : reader.GetDouble(6),
            ActivitiesDone = done,
            Activities = counted,
            OverdueActivities = reader.GetInt32(7),
            LastMeetingOn = last,
            DaysSinceLastMeeting = last is { } l ? today.DayNumber - l.DayNumber : null,
            OpenActionItems = reader.GetInt32(9),
            OpenBarriers = reader.GetInt32(10),
            Reach = reader.IsDBNull(11) ? null : reader.GetDouble(11),
            ReachMonth = reader.GetDateOrNull(12),
        };
    }

    private static async Task StoreAsync(DbConnection connection, DbTransaction transaction, PortfolioRow row, DateOnly today, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(transaction, """
            INSERT INTO project_figures (project_id, figures_on, phase, activities, activities_done, current_phase_score, overdue_activities,
                                         last_meeting_on, open_action_items, open_barriers, reach, reach_month)
            VALUES (@project_id, @today, @phase, @activities, @done, @phase_score, @overdue, @last_meeting, @actions, @barriers, @reach, @reach_month)
            ON CONFLICT (project_id) DO UPDATE SET
                figures_on = excluded.figures_on, phase = excluded.phase, activities = excluded.activities, activities_done = excluded.activities_done,
                current_phase_score = excluded.current_phase_score, overdue_activities = excluded.overdue_activities,
                last_meeting_on = excluded.last_meeting_on, open_action_items = excluded.open_action_items, open_barriers = excluded.open_barriers,
                reach = excluded.reach, reach_month = excluded.reach_month;
            """, cancellationToken,
            ("@project_id", row.ProjectId), ("@today", today.ToDbValue()), ("@phase", row.CurrentPhase), ("@activities", row.Activities),
            ("@done", row.ActivitiesDone), ("@phase_score", row.CurrentPhaseScore), ("@overdue", row.OverdueActivities),
            ("@last_meeting", row.LastMeetingOn.ToDbValue()), ("@actions", row.OpenActionItems), ("@barriers", row.OpenBarriers),
            ("@reach", row.Reach), ("@reach_month", row.ReachMonth.ToDbValue()));

    private static async Task<List<PortfolioRow>> ComputeAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<long>? projectIds, DateOnly today, CancellationToken cancellationToken)
    {
        if (projectIds is { Count: 0 })
        {
            return [];
        }

        const string projectsSql = """
            SELECT p.id, p.name, p.organisation, p.current_phase, p.start_date
            FROM projects p
            WHERE @ids IS NULL OR p.id IN (SELECT value FROM json_each(@ids))
            ORDER BY p.name COLLATE NOCASE, p.id;
            """;
        const string activitiesSql = """
            SELECT a.project_id, a.id, a.phase, a.status, a.planned_month, a.started_on, a.completed_on
            FROM plan_activities a
            WHERE @ids IS NULL OR a.project_id IN (SELECT value FROM json_each(@ids));
            """;
        // Per group the newest held meeting up to today, read backwards along ix_meetings_group (the meeting
        // rows themselves are large: they hold the minutes).
        const string lastMeetingSql = """
            SELECT g.project_id,
                   max((SELECT m.held_on FROM meetings m
                        WHERE m.group_id = g.id AND m.held_on <= @today AND m.status = 'gehouden'
                        ORDER BY m.held_on DESC LIMIT 1))
            FROM project_groups g
            WHERE @ids IS NULL OR g.project_id IN (SELECT value FROM json_each(@ids))
            GROUP BY g.project_id;
            """;
        // open on the reference date: added in a meeting held by then and not closed by then (ActionItem.WasOpenOn).
        // An action item's meeting is one of its group's; those held by then come from the covering index
        // ix_meetings_group, so no (large) meeting row is read.
        const string openActionsSql = """
            SELECT g.project_id, count(*)
            FROM project_groups g JOIN action_items a ON a.group_id = g.id
            WHERE (a.status = 'open' OR a.closed_on > @today)
              AND a.meeting_id IN (SELECT m.id FROM meetings m WHERE m.group_id = g.id AND m.held_on <= @today)
              AND (@ids IS NULL OR g.project_id IN (SELECT value FROM json_each(@ids)))
            GROUP BY g.project_id;
            """;
        const string decisionsSql = """
            SELECT project_id, decided_on, from_phase, to_phase FROM phase_transitions
            WHERE @ids IS NULL OR project_id IN (SELECT value FROM json_each(@ids));
            """;
        // A coding is dated by its document's meeting (one of its own project's), or by the day an upload was added.
        // The meetings in the window come from the covering index ix_meetings_group, so no (large) meeting row is
        // read, and only those of the asked projects (one changed project's figures stay cheap); the `+`
        // keeps SQLite from seeking ix_codings_version once per code and valence instead of once per version.
        const string barriersSql = """
            SELECT project_id, count(*)
            FROM (
                SELECT d.project_id, c.code_id
                FROM coding_documents d
                CROSS JOIN document_versions v ON v.document_id = d.id
                CROSS JOIN codings c ON c.version_id = v.id
                WHERE (d.meeting_id IN (SELECT m.id FROM project_groups g JOIN meetings m ON m.group_id = g.id
                                        WHERE m.held_on BETWEEN @from AND @today
                                          AND (@ids IS NULL OR g.project_id IN (SELECT value FROM json_each(@ids))))
                       OR (d.meeting_id IS NULL AND substr(d.created_at, 1, 10) BETWEEN @from AND @today))
                  AND (@ids IS NULL OR d.project_id IN (SELECT value FROM json_each(@ids)))
                  AND +c.code_id IN (SELECT id FROM codes WHERE key GLOB 'midi-[0-9]*')
                  AND +c.valence IN ('belemmerend', 'bevorderend')
                  AND c.removed_at IS NULL AND c.unplaced_at IS NULL AND (c.round_id IS NULL OR c.is_consensus = 1)
                GROUP BY d.project_id, c.code_id
                HAVING sum(CASE WHEN c.valence = 'belemmerend' THEN 1 ELSE 0 END) > sum(CASE WHEN c.valence = 'bevorderend' THEN 1 ELSE 0 END)
            ) AS open_barriers
            GROUP BY project_id;
            """;

        // the last month with reach counts up to the reference date, all teams of the project together
        const string reachSql = """
            SELECT r.project_id, r.month, sum(r.clients_reached), sum(r.target_clients)
            FROM reach_counts r
            WHERE (@ids IS NULL OR r.project_id IN (SELECT value FROM json_each(@ids)))
              AND r.month = (SELECT max(x.month) FROM reach_counts x WHERE x.project_id = r.project_id AND x.month <= substr(@today, 1, 7))
            GROUP BY r.project_id, r.month;
            """;

        // Microsoft.Data.Sqlite binds only the parameters a statement names, so every query gets all three.
        (string, object?)[] parameters =
        [
            ("@ids", projectIds is null ? null : JsonSerializer.Serialize(projectIds)),
            ("@today", today.ToDbValue()),
            ("@from", today.AddDays(-BarrierWindowDays).ToDbValue()),
        ];
        var projects = await connection.QueryAsync(transaction, projectsSql,
            reader => (Id: reader.GetInt64(0), Name: reader.GetString(1), Organisation: reader.GetString(2), Phase: reader.GetInt32(3), Start: reader.GetDate(4)), cancellationToken, parameters);
        var decisions = (await connection.QueryAsync(transaction, decisionsSql, reader => (ProjectId: reader.GetInt64(0), On: reader.GetDate(1), From: reader.GetInt32(2), To: reader.GetInt32(3)),
            cancellationToken, parameters)).ToLookup(d => d.ProjectId, d => (d.On, d.From, d.To));
        var activities = (await connection.QueryAsync(transaction, activitiesSql, ReadActivity, cancellationToken, parameters)).ToLookup(a => a.ProjectId);
        var lastMeetings = new Dictionary<long, DateOnly>();
        foreach (var (projectId, held) in await connection.QueryAsync(transaction, lastMeetingSql, reader => (reader.GetInt64(0), reader.GetDateOrNull(1)), cancellationToken, parameters))
        {
            if (held is { } day)
            {
                lastMeetings[projectId] = day;
            }
        }

        var openActions = await CountsAsync(connection, transaction, openActionsSql, parameters, cancellationToken);
        var barriers = await CountsAsync(connection, transaction, barriersSql, parameters, cancellationToken);
        var reach = (await connection.QueryAsync(transaction, reachSql, reader => (ProjectId: reader.GetInt64(0),
                Month: DateOnly.ParseExact(reader.GetString(1) + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Reached: reader.GetInt64(2), Target: reader.GetInt64(3)),
            cancellationToken, parameters)).ToDictionary(r => r.ProjectId);

        var rows = new List<PortfolioRow>(projects.Count);
        foreach (var (id, name, organisation, current, start) in projects)
        {
            // everything as it stood on the reference date: the phase from the decisions, each activity's status then
            var phase = PhaseHistory.From(start, current, decisions[id]).At(today) ?? current;
            var plan = new ImplementationPlan(id, phase, [], [.. activities[id]], []).AsOf(today, phase);
            var scores = PlanScoring.Score(plan, today);
            var counted = scores.Sum(s => s.Activities);
            var done = scores.Sum(s => s.Done);
            DateOnly? last = lastMeetings.TryGetValue(id, out var lastHeld) ? lastHeld : null;
            rows.Add(new PortfolioRow
            {
                ProjectId = id,
                Name = name,
                Organisation = organisation,
                CurrentPhase = phase,
                OverallScore = counted == 0 ? null : (double)done / counted,
                CurrentPhaseScore = scores.Single(s => s.IsCurrent).Completion,
                ActivitiesDone = done,
                Activities = counted,
                OverdueActivities = scores.Sum(s => s.Overdue),
                LastMeetingOn = last,
                DaysSinceLastMeeting = last is { } l ? today.DayNumber - l.DayNumber : null,
                OpenActionItems = openActions.GetValueOrDefault(id),
                OpenBarriers = barriers.GetValueOrDefault(id),
                Reach = reach.TryGetValue(id, out var r) && r.Target > 0 ? (double)r.Reached / r.Target : null,
                ReachMonth = reach.TryGetValue(id, out var month) ? month.Month : null,
            });
        }

        return rows;
    }

    /// <summary>Only what <see cref="PlanScoring"/> reads; the other fields stay empty.</summary>
    private static PlanActivity ReadActivity(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(1),
        ProjectId = reader.GetInt64(0),
        UpdatedAt = DateTimeOffset.MinValue,
        Fields = new PlanActivityDraft
        {
            Phase = reader.GetInt32(2),
            Title = "",
            Status = Codes.Parse<ActivityStatus>(reader.GetString(3)),
            PlannedMonth = reader.GetStringOrNull(4) is { } month ? YearMonth.Parse(month) : null,
            StartedOn = reader.GetDateOrNull(5),
            CompletedOn = reader.GetDateOrNull(6),
        },
    };

    private static async Task<Dictionary<long, int>> CountsAsync(DbConnection connection, DbTransaction transaction, string sql, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        (await connection.QueryAsync(transaction, sql, reader => (ProjectId: reader.GetInt64(0), Count: reader.GetInt32(1)), cancellationToken, parameters))
            .ToDictionary(c => c.ProjectId, c => c.Count);
}
