using System.Data.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// Keeps the search table meeting_search (FTS5 on SQLite, a tsvector column on PostgreSQL) in step with a meeting: its rows are rewritten in the transaction of every
/// change to the meeting (through <see cref="MeetingWrites"/>), so search never shows something that was rolled back
/// and never misses a change.
/// </summary>
internal static class MeetingSearchIndex
{
    public static async Task ReindexAsync(DbConnection connection, DbTransaction transaction, long meetingId, CancellationToken cancellationToken)
    {
        const string sql = """
            DELETE FROM meeting_search WHERE meeting_id = @id;
            INSERT INTO meeting_search (kind, meeting_id, project_id, body)
            SELECT 'notulen', m.id, g.project_id, m.title || char(10) || m.minutes
            FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE m.id = @id;
            INSERT INTO meeting_search (kind, meeting_id, project_id, body)
            SELECT 'agendapunt', a.meeting_id, g.project_id, a.title || char(10) || a.notes
            FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id JOIN project_groups g ON g.id = m.group_id
            WHERE a.meeting_id = @id AND a.is_look_back = 0;
            INSERT INTO meeting_search (kind, meeting_id, project_id, body)
            SELECT 'besluit', d.meeting_id, g.project_id, d.text
            FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id JOIN project_groups g ON g.id = m.group_id WHERE d.meeting_id = @id;
            INSERT INTO meeting_search (kind, meeting_id, project_id, body)
            SELECT 'actiepunt', a.meeting_id, g.project_id, a.description
            FROM action_items a JOIN meetings m ON m.id = a.meeting_id JOIN project_groups g ON g.id = m.group_id WHERE a.meeting_id = @id;
            INSERT INTO meeting_search (kind, meeting_id, project_id, body)
            SELECT 'reflectie', r.meeting_id, g.project_id, trim(r.went_well || char(10) || r.went_less || char(10) || coalesce(f.text, ''))
            FROM reflections r JOIN meetings m ON m.id = r.meeting_id JOIN project_groups g ON g.id = m.group_id
            LEFT JOIN reflection_followups f ON f.reflection_id = r.id
            WHERE r.meeting_id = @id;
            """;
        await connection.ExecuteAsync(transaction, sql, cancellationToken, ("@id", meetingId));
    }

    /// <summary>PostgreSQL's tsquery for a query: every word as a prefix, all required (the same meaning as <see cref="ToMatchExpression"/>).</summary>
    public static string ToTsQuery(string? query) =>
        string.Join(" & ", SearchWords.Of(query).Select(t => $"'{t.Replace("'", "''", StringComparison.Ordinal)}':*"));

    /// <summary>The FTS5 expression for a query: every word quoted as a prefix, all required; null when there are no words.</summary>
    public static string? ToMatchExpression(string? query)
    {
        var words = SearchWords.Of(query);
        return words.Count == 0 ? null : string.Join(" AND ", words.Select(t => $"\"{t}\"*"));
    }
}
