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
/// </summary>
public sealed class PortfolioService
{
    /// <summary>How far back codings count for <see cref="PortfolioRow.OpenBarriers"/>.</summary>
    public const int BarrierWindowDays = 180;

    private readonly MonitorDatabase _database;

    public PortfolioService(MonitorDatabase database)
    {
        _database = database;
    }

    /// <summary>Rows for the given projects (null: all), by name; ids without a project are skipped.</summary>
    /// <remarks><paramref name="today"/> is the reference date (peildatum): every figure is as the projects stood on it.</remarks>
    public async Task<IReadOnlyList<PortfolioRow>> ListAsync(IReadOnlyCollection<long>? projectIds, DateOnly today, CancellationToken cancellationToken = default)
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
        // open on the reference date: added in a meeting held by then and not closed by then (ActionItem.WasOpenOn)
        const string openActionsSql = """
            SELECT g.project_id, count(*)
            FROM project_groups g JOIN action_items a ON a.group_id = g.id JOIN meetings m ON m.id = a.meeting_id
            WHERE m.held_on <= @today AND (a.status = 'open' OR a.closed_on > @today)
              AND (@ids IS NULL OR g.project_id IN (SELECT value FROM json_each(@ids)))
            GROUP BY g.project_id;
            """;
        const string decisionsSql = """
            SELECT project_id, decided_on, from_phase, to_phase FROM phase_transitions
            WHERE @ids IS NULL OR project_id IN (SELECT value FROM json_each(@ids));
            """;
        // A coding is dated by its document's meeting, or by the day an upload was added. The meetings in the
        // window come from the covering index ix_meetings_group, so no (large) meeting row is read; the `+`
        // keeps SQLite from seeking ix_codings_version once per code and valence instead of once per version.
        const string barriersSql = """
            SELECT project_id, count(*)
            FROM (
                SELECT d.project_id, c.code_id
                FROM coding_documents d
                CROSS JOIN document_versions v ON v.document_id = d.id
                CROSS JOIN codings c ON c.version_id = v.id
                WHERE (d.meeting_id IN (SELECT m.id FROM project_groups g JOIN meetings m ON m.group_id = g.id
                                        WHERE m.held_on BETWEEN @from AND @today)
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
        await using var connection = await _database.OpenAsync(cancellationToken);
        // One snapshot for all five queries while the worker or another user writes.
        await using var transaction = connection.BeginRead();
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
        await transaction.CommitAsync(cancellationToken);

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
