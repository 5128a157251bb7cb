using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// The action items of meetings: added in a meeting, owned by a member, carried to every following meeting of the group
/// until closed in one. Writes go through <see cref="MeetingWrites"/> (search index and audit in step).
/// </summary>
public sealed class ActionItemStore
{
    private const string ActionColumns = """
        a.id, a.group_id, a.meeting_id, m.held_on, a.description, a.owner_member_id, gm.role_label, a.due_on, a.status, a.closed_in_meeting_id, a.closed_on
        """;

    private const string ActionFrom = """
        FROM action_items a
        JOIN meetings m ON m.id = a.meeting_id
        LEFT JOIN group_members gm ON gm.id = a.owner_member_id
        """;

    private readonly MeetingWrites _writes;
    private readonly MonitorDatabase _database;
    private readonly TimeProvider _time;

    public ActionItemStore(MonitorDatabase database, MeetingWrites writes, TimeProvider time)
    {
        _database = database;
        _writes = writes;
        _time = time;
    }

    /// <summary>Adds an action item to a meeting; the owner must be a member of its group. Null when the meeting is not in this project.</summary>
    public async Task<long?> AddActionItemAsync(long projectId, long meetingId, string description, long? ownerMemberId, DateOnly? dueOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "description", description, MeetingRules.ActionItemMaxLength, "het actiepunt");
        Checks.ThrowIfAny(errors);
        var (found, id) = await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var (connection, transaction, meeting) = change;
            if (ownerMemberId is { } owner && (await GroupStore.ReadMembersAsync(connection, transaction, meeting.GroupId, cancellationToken)).All(m => m.Id != owner))
            {
                throw new ValidationException([new ValidationError("ownerMemberId", "De eigenaar van een actiepunt is een lid van deze groep.")]);
            }

            if (dueOn is { } due && due < meeting.HeldOn)
            {
                throw new ValidationException([new ValidationError("dueOn", "De uiterste datum ligt voor de datum van de bijeenkomst.")]);
            }

            var id = await connection.InsertAsync(transaction, """
                INSERT INTO action_items (group_id, meeting_id, description, owner_member_id, due_on, status, created_at)
                VALUES (@group_id, @meeting_id, @description, @owner, @due_on, 'open', @now)
                RETURNING id;
                """, cancellationToken, ("@group_id", meeting.GroupId), ("@meeting_id", meetingId), ("@description", description.Trim()),
                ("@owner", ownerMemberId), ("@due_on", dueOn.ToDbValue()), ("@now", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
            return (id, (AuditChange?)AuditChange.Created("actionItem", id, projectId, new Dictionary<string, string?>
            {
                ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
                ["description"] = description.Trim(),
                ["owner"] = ownerMemberId?.ToString(CultureInfo.InvariantCulture),
                ["dueOn"] = dueOn?.ToDbValue(),
            }));
        }, cancellationToken);
        return found ? id : null;
    }

    /// <summary>
    /// Closes (or reopens) an action item, recording in which meeting of its group that happened.
    /// False when the item is not in this project.
    /// </summary>
    public async Task<bool> SetActionItemStatusAsync(long projectId, long actionItemId, ActionItemStatus status, long? inMeetingId, Actor actor, CancellationToken cancellationToken = default)
    {
        long meetingId;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        await using (var transaction = connection.BeginRead())
        {
            var item = (await ReadActionItemsAsync(connection, transaction, "a.id = @id", actionItemId, cancellationToken)).SingleOrDefault();
            if (item is null)
            {
                return false;
            }

            meetingId = item.MeetingId;
        }

        // the item's own meeting is the one whose write path (and search text) this change belongs to
        return (await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var (connection, transaction, _) = change;
            var item = (await ReadActionItemsAsync(connection, transaction, "a.id = @id", actionItemId, cancellationToken)).Single();
            DateOnly? closedOn = null;
            if (status != ActionItemStatus.Open)
            {
                if (inMeetingId is { } closingMeetingId)
                {
                    var closing = await MeetingStore.FindMeetingRecordAsync(connection, transaction, projectId, closingMeetingId, cancellationToken);
                    if (closing is null || closing.GroupId != item.GroupId)
                    {
                        throw new ValidationException([new ValidationError("meetingId", "Een actiepunt wordt afgesloten in een bijeenkomst van dezelfde groep.")]);
                    }

                    closedOn = closing.HeldOn;
                }
                else
                {
                    closedOn = DutchClock.Today(_time);
                }
            }

            await connection.ExecuteAsync(transaction, """
                UPDATE action_items SET status = @status, closed_in_meeting_id = @closed_in, closed_on = @closed_on WHERE id = @id;
                """, cancellationToken, ("@id", actionItemId), ("@status", status.ToCode()),
                ("@closed_in", status == ActionItemStatus.Open ? null : inMeetingId), ("@closed_on", closedOn.ToDbValue()));
            return (true, (AuditChange?)AuditChange.Updated("actionItem", actionItemId, projectId,
                new Dictionary<string, string?> { ["status"] = item.Status.ToCode() },
                new Dictionary<string, string?> { ["status"] = status.ToCode() }));
        }, cancellationToken)).Found;
    }

    /// <summary>Every action item of the project's groups, open or closed, by meeting date (the reports take those open on a date).</summary>
    public async Task<IReadOnlyList<ActionItem>> ListForProjectAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        return await ReadActionItemsAsync(connection, transaction, "a.group_id IN (SELECT id FROM project_groups WHERE project_id = @id) ORDER BY m.held_on, a.id", projectId, cancellationToken);
    }

    internal static async Task<IReadOnlyList<ActionItem>> ReadActionItemsAsync(DbConnection connection, DbTransaction transaction, string where, long id, CancellationToken cancellationToken) =>
        await connection.QueryAsync(transaction, $"SELECT {ActionColumns} {ActionFrom} WHERE {where};", reader => new ActionItem
        {
            Id = reader.GetInt64(0),
            GroupId = reader.GetInt64(1),
            MeetingId = reader.GetInt64(2),
            MeetingHeldOn = reader.GetDate(3),
            Description = reader.GetString(4),
            OwnerMemberId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
            OwnerLabel = reader.GetStringOrNull(6),
            DueOn = reader.GetDateOrNull(7),
            Status = Codes.Parse<ActionItemStatus>(reader.GetString(8)),
            ClosedInMeetingId = reader.IsDBNull(9) ? null : reader.GetInt64(9),
            ClosedOn = reader.GetDateOrNull(10),
        }, cancellationToken, ("@id", id));
}
