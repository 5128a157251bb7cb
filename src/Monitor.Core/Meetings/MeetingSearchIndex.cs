using System.Text;
using Microsoft.Data.Sqlite;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// Keeps the FTS5 table meeting_search in step with a meeting: its rows are rewritten in the transaction of every
/// change to the meeting (through <see cref="MeetingWrites"/>), so search never shows something that was rolled back
/// and never misses a change.
/// </summary>
internal static class MeetingSearchIndex
{
    public static async Task ReindexAsync(SqliteConnection connection, SqliteTransaction transaction, long meetingId, CancellationToken cancellationToken)
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

    /// <summary>
    /// Turns what a user typed into a safe FTS5 expression: every run of letters and digits becomes a quoted
    /// prefix term, all of which must occur. Operators and quotes the user typed are never interpreted, so
    /// no input can make the query fail. Null when nothing searchable is left.
    /// </summary>
    public static string? ToMatchExpression(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var terms = new List<string>();
        var current = new StringBuilder();
        var text = (query.Length > 200 ? query[..200] : query).Normalize(NormalizationForm.FormC);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                terms.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            terms.Add(current.ToString());
        }

        return terms.Count == 0 ? null : string.Join(" AND ", terms.Take(12).Select(t => $"\"{t}\"*"));
    }
}
