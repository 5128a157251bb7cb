using System.Data.Common;
using System.Globalization;
using Monitor.Core.Accounts;
using Monitor.Core.Data;
using Monitor.Core.Meetings;

namespace Monitor.Core.Notifications;

/// <summary>
/// Reminders around meetings, as inbox notices to the project's projectleiders (the chairs; members of groups have
/// no accounts). Each notice is sent once (a dedupe key per meeting or gap), so running the job again, or after
/// downtime, sends nothing twice.
/// <list type="bullet">
/// <item>before a planned meeting (default 2 days): the group's open action items and the "minder gewerkt"
/// answers of the previous meeting that have no follow-up yet;</item>
/// <item>after a held meeting (within a week): who of those present has not answered the closing question;</item>
/// <item>rhythm: a group whose time since its last meeting exceeds 1.5 × its cadence.</item>
/// </list>
/// </summary>
public sealed class MeetingReminders
{
    private readonly MonitorDatabase _database;
    private readonly AccountStore _accounts;
    private readonly NotificationStore _notifications;

    public MeetingReminders(MonitorDatabase database, AccountStore accounts, NotificationStore notifications)
    {
        _database = database;
        _accounts = accounts;
        _notifications = notifications;
    }

    public async Task<int> RunAsync(DateOnly today, int daysBefore = 2, CancellationToken cancellationToken = default)
    {
        var leaders = await _accounts.UsersByProjectAsync([ProjectRole.Projectleider], cancellationToken);
        var sent = 0;
        async Task SendAsync(long projectId, string title, string body, string link, string key)
        {
            foreach (var userId in leaders[projectId])
            {
                if (await _notifications.AddAsync(userId, projectId, title, body, link, key, cancellationToken))
                {
                    sent++;
                }
            }
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        foreach (var (meetingId, groupId, projectId, group, heldOn) in await connection.QueryAsync(null, """
            SELECT m.id, g.id, g.project_id, g.name, m.held_on FROM meetings m JOIN project_groups g ON g.id = m.group_id
            WHERE m.status = 'gepland' AND m.held_on >= @today AND m.held_on <= @until ORDER BY m.held_on;
            """, ReadMeetingRow, cancellationToken, ("@today", today.ToDbValue()), ("@until", today.AddDays(daysBefore).ToDbValue())))
        {
            var open = await connection.QueryAsync(null, "SELECT description FROM action_items WHERE group_id = @id AND status = 'open' ORDER BY id;", ReadText, cancellationToken, ("@id", groupId));
            var less = await connection.QueryAsync(null, """
                SELECT r.went_less FROM reflections r JOIN meetings p ON p.id = r.meeting_id
                LEFT JOIN reflection_followups f ON f.reflection_id = r.id
                WHERE p.group_id = @group AND p.status = 'gehouden' AND p.held_on < @held AND r.went_less <> '' AND f.reflection_id IS NULL
                  AND p.held_on = (SELECT max(held_on) FROM meetings WHERE group_id = @group AND status = 'gehouden' AND held_on < @held);
                """, ReadText, cancellationToken, ("@group", groupId), ("@held", heldOn.ToDbValue()));
            var body = $"{open.Count} open actiepunten{(open.Count > 0 ? ": " + string.Join("; ", open.Take(5)) : "")}. "
                + $"{less.Count} ‘minder gewerkt’-antwoorden van de vorige bijeenkomst zonder opvolging{(less.Count > 0 ? ": " + string.Join("; ", less.Take(5)) : "")}.";
            await SendAsync(projectId, $"Bijeenkomst {group} op {heldOn.ToString("d MMMM", CultureInfo.GetCultureInfo("nl-NL"))}: voorbereiden", body,
                $"/projecten/{projectId}/bijeenkomsten/{meetingId}", $"meeting-reminder:{meetingId}");
        }

        foreach (var (meetingId, _, projectId, group, heldOn) in await connection.QueryAsync(null, """
            SELECT m.id, g.id, g.project_id, g.name, m.held_on FROM meetings m JOIN project_groups g ON g.id = m.group_id
            WHERE m.status = 'gehouden' AND m.held_on < @today AND m.held_on >= @since ORDER BY m.held_on;
            """, ReadMeetingRow, cancellationToken, ("@today", today.ToDbValue()), ("@since", today.AddDays(-7).ToDbValue())))
        {
            var missing = await connection.QueryAsync(null, """
                SELECT gm.role_label FROM meeting_attendance a JOIN group_members gm ON gm.id = a.member_id
                LEFT JOIN reflections r ON r.meeting_id = a.meeting_id AND r.member_id = a.member_id
                WHERE a.meeting_id = @meeting AND a.status = 'aanwezig' AND r.id IS NULL ORDER BY gm.id;
                """, ReadText, cancellationToken, ("@meeting", meetingId));
            if (missing.Count > 0)
            {
                await SendAsync(projectId, $"Slotvraag {group} {heldOn.ToString("d MMMM", CultureInfo.GetCultureInfo("nl-NL"))}: {missing.Count} nog niet beantwoord",
                    $"Nog geen antwoord van: {string.Join(", ", missing)}. Stuur de reflectielink nog eens rond.", $"/projecten/{projectId}/bijeenkomsten/{meetingId}", $"reflection-reminder:{meetingId}");
            }
        }

        foreach (var (groupId, _, projectId, group, _) in await connection.QueryAsync(null, """
            SELECT g.id, g.cadence_days, g.project_id, g.name, '2000-01-01' FROM project_groups g JOIN projects p ON p.id = g.project_id
            WHERE g.cadence_days IS NOT NULL AND (p.end_date IS NULL OR p.end_date >= @today);
            """, ReadMeetingRow, cancellationToken, ("@today", today.ToDbValue())))
        {
            var cadence = (int)(await connection.ScalarLongAsync(null, "SELECT cadence_days FROM project_groups WHERE id = @id;", cancellationToken, ("@id", groupId)) ?? 0);
            var held = (await connection.QueryAsync(null, "SELECT held_on FROM meetings WHERE group_id = @id AND status = 'gehouden' ORDER BY held_on;", ReadText,
                    cancellationToken, ("@id", groupId)))
                .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            if (CadenceCheck.FindGaps(held, cadence, today, null).FirstOrDefault(g => g.IsOpen) is { } gap)
            {
                await SendAsync(projectId, $"Ritme {group}: {gap.Days} dagen zonder bijeenkomst",
                    $"De laatste bijeenkomst was op {gap.From.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}; het ritme is elke {cadence} dagen.",
                    $"/projecten/{projectId}/groepen/{groupId}", $"cadence:{groupId}:{gap.From:yyyy-MM-dd}");
            }
        }

        return sent;
    }

    /// <summary>The five columns the reminder queries select: an id, a second number (0 when NULL), the project id, a group name and a date.</summary>
    private static (long, long, long, string, DateOnly) ReadMeetingRow(DbDataReader reader) =>
        (reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetDate(4));

    private static string ReadText(DbDataReader reader) => reader.GetString(0);
}
