using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>Read-only questions over a project's meetings: the facts the group metrics are computed from, and full-text search.</summary>
public sealed class MeetingQueries
{
    private readonly MonitorDatabase _database;

    public MeetingQueries(MonitorDatabase database) => _database = database;

    /// <summary>The facts the meeting metrics are computed from, per meeting of the group (oldest first), read in one snapshot.</summary>
    public async Task<IReadOnlyList<MeetingFacts>> GetFactsAsync(long groupId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var meetings = await connection.QueryAsync(transaction, "SELECT id, held_on, status FROM meetings WHERE group_id = @id ORDER BY held_on, id;",
            r => (Id: r.GetInt64(0), HeldOn: r.GetDate(1), Status: Codes.Parse<MeetingStatus>(r.GetString(2))), cancellationToken, ("@id", groupId));
        var attendance = (await connection.QueryAsync(transaction, """
            SELECT a.meeting_id, a.member_id, a.status FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.group_id = @id;
            """, r => (Meeting: r.GetInt64(0), Fact: new AttendanceFact(r.GetInt64(1), Codes.Parse<AttendanceStatus>(r.GetString(2)))), cancellationToken, ("@id", groupId)))
            .ToLookup(a => a.Meeting, a => a.Fact);
        var reflections = (await connection.QueryAsync(transaction, """
            SELECT r.meeting_id, r.id, r.member_id, r.went_well <> '', r.went_less <> '', fm.held_on, r.anonymous
            FROM reflections r
            JOIN meetings m ON m.id = r.meeting_id
            LEFT JOIN reflection_followups f ON f.reflection_id = r.id
            LEFT JOIN meetings fm ON fm.id = f.meeting_id
            WHERE m.group_id = @id;
            """, r => (Meeting: r.GetInt64(0), Fact: new ReflectionFact(r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.GetFlag(3), r.GetFlag(4), r.GetDateOrNull(5), r.GetFlag(6))),
            cancellationToken, ("@id", groupId)))
            .ToLookup(r => r.Meeting, r => r.Fact);
        return [.. meetings.Select(m => new MeetingFacts
        {
            MeetingId = m.Id,
            HeldOn = m.HeldOn,
            Status = m.Status,
            Attendance = [.. attendance[m.Id]],
            Reflections = [.. reflections[m.Id]],
        })];
    }

    /// <summary>
    /// Full-text search over the minutes, agenda items, decisions, action items and reflections of a
    /// project, insensitive to case and diacritics. Every word must occur (as a word prefix). At most 100 hits.
    /// </summary>
    /// <exception cref="ValidationException">The query is longer than <see cref="MeetingRules.SearchMaxLength"/>.</exception>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(long projectId, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Trim().Length > MeetingRules.SearchMaxLength)
        {
            throw new ValidationException([new ValidationError("q",
                $"Zoek met hooguit {MeetingRules.SearchMaxLength} tekens; deze zoekvraag heeft er {query.Trim().Length}. Kies de woorden die het meest zeggen.")]);
        }

        var match = MeetingSearchIndex.ToMatchExpression(query);
        if (match is null)
        {
            if (query.Trim().Length > 0)
            {
                throw new ValidationException([new ValidationError("q",
                    "Deze zoekvraag bevat geen woorden. Tekens als aanhalingstekens, * en haakjes werken hier niet als zoekopdracht; zoek met woorden uit de verslagen.")]);
            }

            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        if (!_database.IsSqlite)
        {
            // PostgreSQL's own text search: the configuration monitor_search unaccents every word as FTS5's
            // remove_diacritics does, and ts_headline marks the words in the original text
            return await connection.QueryAsync(null, $"""
                SELECT s.kind, m.id, m.title, m.held_on, g.name,
                       ts_headline('monitor_search', s.body, q, 'StartSel={SearchHit.MarkStart}, StopSel={SearchHit.MarkEnd}, MaxWords=16, MinWords=6, MaxFragments=1')
                FROM meeting_search s
                CROSS JOIN to_tsquery('monitor_search', @match) q
                JOIN meetings m ON m.id = s.meeting_id
                JOIN project_groups g ON g.id = m.group_id
                WHERE s.document @@ q AND s.project_id = @project_id
                ORDER BY ts_rank(s.document, q) DESC, m.held_on DESC
                LIMIT 100;
                """, r => new SearchHit(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetDate(3), r.GetString(4), r.GetString(5)),
                cancellationToken, ("@match", MeetingSearchIndex.ToTsQuery(query)), ("@project_id", projectId));
        }

        return await connection.QueryAsync(null, $"""
            SELECT s.kind, m.id, m.title, m.held_on, g.name,
                   snippet(meeting_search, 3, char({(int)SearchHit.MarkStart}), char({(int)SearchHit.MarkEnd}), '…', 16)
            FROM meeting_search s
            JOIN meetings m ON m.id = s.meeting_id
            JOIN project_groups g ON g.id = m.group_id
            WHERE meeting_search MATCH @match AND s.project_id = @project_id
            ORDER BY rank
            LIMIT 100;
            """, r => new SearchHit(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetDate(3), r.GetString(4), r.GetString(5)),
            cancellationToken, ("@match", match), ("@project_id", projectId));
    }
}
