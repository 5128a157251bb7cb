using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// The personal answer route (issue #16): a logged-in person answers the closing question of the held meetings they
/// attended as the group member their account is linked to. Nobody else can answer for them. In an anonymous group
/// the answer keeps no author (as through the group link); only the fact that this member answered is kept, without
/// time or order, so they answer once and see it as done.
/// </summary>
public sealed class OwnReflectionStore
{
    /// <summary>How long after a meeting its closing question stays open on the personal page (as long as the longest link).</summary>
    public static readonly TimeSpan OpenFor = ReflectionLinkStore.MaxLinkValidity;

    // Present when attendance was recorded; before that, a member active on the day may answer (as with the link).
    private const string OwnMeetingsSql = """
        SELECT m.id, g.project_id, p.name, g.name, m.title, m.held_on, g.reflections_anonymous, gm.id,
               r.id IS NOT NULL OR rr.member_id IS NOT NULL, coalesce(r.went_well, ''), coalesce(r.went_less, '')
        FROM group_members gm
        JOIN project_groups g ON g.id = gm.group_id
        JOIN projects p ON p.id = g.project_id
        JOIN meetings m ON m.group_id = g.id
        LEFT JOIN reflections r ON r.meeting_id = m.id AND r.member_id = gm.id
        LEFT JOIN reflection_respondents rr ON rr.meeting_id = m.id AND rr.member_id = gm.id
        WHERE gm.user_id = @user_id AND m.status = 'gehouden' AND m.held_on BETWEEN @since AND @today
          AND CASE WHEN EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id)
                   THEN EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id AND a.member_id = gm.id AND a.status = 'aanwezig')
                   ELSE (gm.joined_on IS NULL OR gm.joined_on <= m.held_on) AND (gm.left_on IS NULL OR gm.left_on >= m.held_on) END
        """;

    private readonly MonitorDatabase _database;
    private readonly MeetingWrites _writes;
    private readonly TimeProvider _time;

    public OwnReflectionStore(MonitorDatabase database, MeetingWrites writes, TimeProvider time)
    {
        _database = database;
        _writes = writes;
        _time = time;
    }

    /// <summary>The meetings whose closing question the account may answer now, newest first.</summary>
    /// <summary>Whether the account is linked to a member of any group: only then has the personal page anything to offer (the menu shows it).</summary>
    public async Task<bool> HasLinkedMemberAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, "SELECT 1 FROM group_members WHERE user_id = @user LIMIT 1;", cancellationToken, ("@user", userId)) is not null;
    }

    public async Task<IReadOnlyList<OwnReflection>> ListAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, userId, null, cancellationToken);
    }

    /// <summary>
    /// Saves the account's answer to one meeting: in a group with names as their member (they may change it); in an
    /// anonymous group as a new answer without author, once.
    /// </summary>
    /// <exception cref="ValidationException">The account may not answer this meeting, or already answered anonymously.</exception>
    public async Task SaveAsync(long userId, long meetingId, string wentWell, string wentLess, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ReflectionStore.CheckTexts(wentWell, wentLess);
        OwnReflection own;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        {
            var found = await ReadAsync(connection, null, userId, meetingId, cancellationToken);
            own = found.Count > 0 ? found[0] : throw new ValidationException([new ValidationError("meetingId", "Deze slotvraag staat niet (meer) voor u open.")]);
        }

        if (own.Anonymous && own.Answered)
        {
            throw new ValidationException([new ValidationError("meetingId", "U hebt deze slotvraag al anoniem beantwoord; een anoniem antwoord kan niet meer worden gewijzigd.")]);
        }

        // The audit log is a page too: in an anonymous group it names no one.
        var writer = own.Anonymous ? new Actor(null, "Deelnemer via eigen pagina") : actor;
        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        await _writes.RunAsync(own.ProjectId, meetingId, writer, async change =>
        {
            var (connection, transaction, meeting) = change;
            MeetingStatusRules.ThrowIfNotHeld(meeting);
            long id;
            if (own.Anonymous)
            {
                // the insert fails on the key when the same member answers twice at once
                await connection.ExecuteAsync(transaction, "INSERT INTO reflection_respondents (meeting_id, member_id) VALUES (@meeting_id, @member_id);",
                    cancellationToken, ("@meeting_id", meetingId), ("@member_id", own.MemberId));
                id = await ReflectionStore.InsertAnonymousAsync(connection, transaction, meetingId, wentWell, wentLess, "link", null, now, cancellationToken);
            }
            else
            {
                var input = new ReflectionInput { MemberId = own.MemberId, WentWell = wentWell, WentLess = wentLess };
                id = await ReflectionStore.UpsertAsync(connection, transaction, meetingId, input, "link", null, now, cancellationToken);
            }

            return (id, (AuditChange?)AuditChange.Created("reflection", id, own.ProjectId, new Dictionary<string, string?>
            {
                ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
                ["source"] = "eigen pagina",
            }));
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<OwnReflection>> ReadAsync(DbConnection connection, DbTransaction? transaction, long userId, long? meetingId, CancellationToken cancellationToken)
    {
        var today = DutchClock.Today(_time);
        var since = today.AddDays(-(int)OpenFor.TotalDays);
        var sql = OwnMeetingsSql + (meetingId is null ? "" : " AND m.id = @meeting_id") + " ORDER BY m.held_on DESC, m.id DESC;";
        return await connection.QueryAsync(transaction, sql, r => new OwnReflection
        {
            MeetingId = r.GetInt64(0),
            ProjectId = r.GetInt64(1),
            ProjectName = r.GetString(2),
            GroupName = r.GetString(3),
            MeetingTitle = r.GetString(4),
            HeldOn = r.GetDate(5),
            Anonymous = r.GetFlag(6),
            MemberId = r.GetInt64(7),
            Answered = r.GetFlag(8),
            WentWell = r.GetString(9),
            WentLess = r.GetString(10),
        }, cancellationToken, ("@user_id", userId), ("@since", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("@today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("@meeting_id", meetingId));
    }
}
