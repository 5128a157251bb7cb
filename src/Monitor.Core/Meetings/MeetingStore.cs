using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Projects;

namespace Monitor.Core.Meetings;

/// <summary>
/// Meetings with their details, minutes, attendance, guests, agenda and decisions. Every method takes the project id and
/// refuses (null/false) a meeting of another project. Every write goes through <see cref="MeetingWrites"/>, which keeps
/// the search index in step and audits. Groups: <see cref="GroupStore"/>; action items: <see cref="ActionItemStore"/>;
/// reflections: <see cref="ReflectionStore"/>.
/// </summary>
public sealed class MeetingStore
{
    internal const string MeetingColumns = "m.id, m.group_id, m.title, m.held_on, m.date_precision, m.starts_at, m.duration_minutes, m.location, m.status, m.minutes, m.minutes_approved, m.note";

    private readonly MonitorDatabase _database;
    private readonly MeetingWrites _writes;
    private readonly TimeProvider _time;

    public MeetingStore(MonitorDatabase database, MeetingWrites writes, TimeProvider time)
    {
        _database = database;
        _writes = writes;
        _time = time;
    }

    /// <summary>The meetings of a project (optionally one group), oldest first; null when there is no such project.</summary>
    public async Task<IReadOnlyList<MeetingRecord>?> ListMeetingsAsync(long projectId, long? groupId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        if (!await GroupStore.ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        return await connection.QueryAsync(transaction, $"""
            SELECT {MeetingColumns} FROM meetings m JOIN project_groups g ON g.id = m.group_id
            WHERE g.project_id = @project_id AND (@group_id IS NULL OR m.group_id = @group_id)
            ORDER BY m.held_on, m.id;
            """, ReadMeeting, cancellationToken, ("@project_id", projectId), ("@group_id", groupId));
    }

    /// <summary>
    /// Per meeting of the group, how often its date, time, duration, place, title or status was changed (from the
    /// audit log): the SEQUENCE of its calendar event. Meetings that were never changed are left out (0).
    /// </summary>
    public async Task<IReadOnlyDictionary<long, int>> CalendarRevisionsAsync(long groupId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var revisions = await connection.QueryAsync(null, """
            SELECT a.entity_id, count(*) FROM audit_log a
            WHERE a.entity = 'meeting' AND a.action = 'update'
              AND a.entity_id IN (SELECT id FROM meetings WHERE group_id = @group_id)
              AND EXISTS (SELECT 1 FROM json_each(a.changes) c
                          WHERE c.key IN ('heldOn', 'startsAt', 'durationMinutes', 'location', 'title', 'status'))
            GROUP BY a.entity_id;
            """, reader => (Id: reader.GetInt64(0), Count: reader.GetInt32(1)), cancellationToken, ("@group_id", groupId));
        return revisions.ToDictionary(r => r.Id, r => r.Count);
    }

    /// <summary>Everything on a meeting's page; null when it is not a meeting of this project.</summary>
    public async Task<MeetingDetail?> FindMeetingAsync(long projectId, long meetingId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
        var meeting = await FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var group = (await GroupStore.FindGroupInfoAsync(connection, transaction, projectId, meeting.GroupId, cancellationToken))!;
        var members = await GroupStore.ReadMembersAsync(connection, transaction, group.Id, cancellationToken);
        var recorded = (await connection.QueryAsync(transaction, "SELECT member_id, status FROM meeting_attendance WHERE meeting_id = @id;",
            r => (Member: r.GetInt64(0), Status: Codes.Parse<AttendanceStatus>(r.GetString(1))), cancellationToken, ("@id", meetingId)))
            .ToDictionary(a => a.Member, a => a.Status);
        var attendance = members
            .Where(m => m.IsActiveOn(meeting.HeldOn) || recorded.ContainsKey(m.Id))
            .Select(m => new AttendanceEntry(m.Id, m.RoleLabel, m.Organisation, recorded.TryGetValue(m.Id, out var s) ? s : null))
            .ToList();

        var own = await ActionItemStore.ReadActionItemsAsync(connection, transaction, "a.meeting_id = @id ORDER BY a.id", meetingId, cancellationToken);
        // Items of earlier meetings that were still open when this meeting began: open now, or closed in or after it.
        var carried = (await ActionItemStore.ReadActionItemsAsync(connection, transaction, "a.group_id = @id ORDER BY m.held_on, a.id", group.Id, cancellationToken))
            .Where(a => a.MeetingId != meetingId && a.MeetingHeldOn < meeting.HeldOn
                && (a.Status == ActionItemStatus.Open || a.ClosedInMeetingId == meetingId || (a.ClosedOn is { } closed && closed >= meeting.HeldOn)))
            .ToList();

        var previous = await FindNeighbourAsync(connection, transaction, meeting, before: true, cancellationToken);
        return new MeetingDetail
        {
            Meeting = meeting,
            Group = group,
            Attendance = attendance,
            Guests = await ReadGuestsAsync(connection, transaction, meetingId, cancellationToken),
            Agenda = await ReadAgendaAsync(connection, transaction, meetingId, cancellationToken),
            Decisions = await connection.QueryAsync(transaction, "SELECT id, text FROM meeting_decisions WHERE meeting_id = @id ORDER BY id;",
                r => new MeetingDecision(r.GetInt64(0), r.GetString(1)), cancellationToken, ("@id", meetingId)),
            ActionItems = own,
            CarriedActionItems = carried,
            Reflections = await ReflectionStore.ReadReflectionsAsync(connection, transaction, meetingId, group.ReflectionsAnonymous, cancellationToken),
            LookBack = previous is null ? null : new MeetingLookBack
            {
                PreviousMeeting = previous,
                Reflections = await ReflectionStore.ReadReflectionsAsync(connection, transaction, previous.Id, group.ReflectionsAnonymous, cancellationToken),
            },
            NextMeeting = await FindNeighbourAsync(connection, transaction, meeting, before: false, cancellationToken),
        };
    }

    /// <summary>
    /// Schedules a meeting of a group. Its agenda opens with the look-back at the previous meeting and closes with the
    /// closing question (<see cref="LookBackAgenda"/>). Returns null when the group is not in this project.
    /// </summary>
    public async Task<long?> ScheduleMeetingAsync(long projectId, long groupId, MeetingPlan plan, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        MeetingRules.CheckPlan(errors, plan);
        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await GroupStore.FindGroupInfoAsync(connection, transaction, projectId, groupId, cancellationToken) is null)
        {
            return null;
        }

        var title = plan.Title.Trim();
        var id = await InsertMeetingAsync(connection, transaction, groupId, plan with { Title = title }, DatePrecision.Day, "", cancellationToken);
        var meeting = (await FindMeetingRecordAsync(connection, transaction, projectId, id, cancellationToken))!;
        var previous = await FindNeighbourAsync(connection, transaction, meeting, before: true, cancellationToken);
        var openActions = (await ActionItemStore.ReadActionItemsAsync(connection, transaction, "a.group_id = @id AND a.status = 'open' ORDER BY m.held_on, a.id", groupId, cancellationToken))
            .Where(a => a.MeetingHeldOn < plan.HeldOn)
            .ToList();
        var previousReflections = previous is null ? [] : await ReflectionStore.ReadReflectionsAsync(connection, transaction, previous.Id, anonymous: true, cancellationToken);
        foreach (var item in LookBackAgenda.For(previous, openActions, previousReflections))
        {
            await InsertAgendaItemAsync(connection, transaction, id, item.Position, item.Title, item.Notes, item.IsLookBack, cancellationToken);
        }

        await _writes.FinishAsync(connection, transaction, id, actor, AuditChange.Created("meeting", id, projectId, Values(plan with { Title = title }, groupId)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Changes date, time, place, title or status of a meeting; false when it is not in this project.</summary>
    public async Task<bool> UpdateMeetingAsync(long projectId, long meetingId, MeetingPlan plan, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        MeetingRules.CheckPlan(errors, plan);
        Checks.ThrowIfAny(errors);
        var changed = plan with { Title = plan.Title.Trim() };
        return (await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var (connection, transaction, before) = change;
            var hasReflections = await connection.ScalarLongAsync(transaction, "SELECT EXISTS (SELECT 1 FROM reflections WHERE meeting_id = @id);", cancellationToken, ("@id", meetingId)) == 1;
            MeetingStatusRules.CheckChange(changed, DutchClock.Today(_time), hasReflections);
            await connection.ExecuteAsync(transaction, """
                UPDATE meetings SET held_on = @held_on, duration_minutes = @duration, title = @title, status = @status, starts_at = @starts_at, location = @location
                WHERE id = @id;
                """, cancellationToken, [("@id", meetingId), .. Parameters(changed)]);
            var beforePlan = new MeetingPlan
            {
                HeldOn = before.HeldOn,
                StartsAt = before.StartsAt,
                DurationMinutes = before.DurationMinutes,
                Location = before.Location,
                Title = before.Title,
                Status = before.Status,
            };
            return (true, (AuditChange?)AuditChange.Updated("meeting", meetingId, projectId, Values(beforePlan, before.GroupId), Values(changed, before.GroupId)));
        }, cancellationToken)).Found;
    }

    /// <summary>Saves the minutes (Markdown); false when the meeting is not in this project.</summary>
    public async Task<bool> SaveMinutesAsync(long projectId, long meetingId, string minutes, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var errors = new List<ValidationError>();
        Checks.Optional(errors, "minutes", minutes, MeetingRules.MinutesMaxLength, "het verslag");
        Checks.ThrowIfAny(errors);
        var text = minutes.Replace("\r\n", "\n", StringComparison.Ordinal);
        return (await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            await change.Connection.ExecuteAsync(change.Transaction, "UPDATE meetings SET minutes = @minutes WHERE id = @id;", cancellationToken, ("@id", meetingId), ("@minutes", text));
            return (true, (AuditChange?)AuditChange.Updated("meeting", meetingId, projectId,
                new Dictionary<string, string?> { ["minutesLength"] = change.Meeting.Minutes.Length.ToString(CultureInfo.InvariantCulture) },
                new Dictionary<string, string?> { ["minutesLength"] = text.Length.ToString(CultureInfo.InvariantCulture) }));
        }, cancellationToken)).Found;
    }

    /// <summary>Marks the minutes of a meeting as approved (or not), as done in the next meeting's look-back.</summary>
    public async Task<bool> SetMinutesApprovedAsync(long projectId, long meetingId, bool approved, Actor actor, CancellationToken cancellationToken = default) =>
        (await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            await change.Connection.ExecuteAsync(change.Transaction, "UPDATE meetings SET minutes_approved = @approved WHERE id = @id;", cancellationToken, ("@id", meetingId), ("@approved", approved ? 1 : 0));
            return (true, (AuditChange?)AuditChange.Updated("meeting", meetingId, projectId,
                new Dictionary<string, string?> { ["minutesApproved"] = change.Meeting.MinutesApproved ? "ja" : "nee" },
                new Dictionary<string, string?> { ["minutesApproved"] = approved ? "ja" : "nee" }));
        }, cancellationToken)).Found;

    /// <summary>
    /// Records attendance per member. Every member must belong to the meeting's group (someone else is added
    /// as a guest). All or nothing. False when the meeting is not in this project.
    /// </summary>
    public async Task<bool> SetAttendanceAsync(long projectId, long meetingId, IReadOnlyDictionary<long, AttendanceStatus> attendance, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        return (await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var (connection, transaction, meeting) = change;
            var members = (await GroupStore.ReadMembersAsync(connection, transaction, meeting.GroupId, cancellationToken)).ToDictionary(m => m.Id);
            var errors = attendance.Keys.Where(id => !members.ContainsKey(id))
                .Select(id => new ValidationError($"attendance.{id}", $"Deelnemer {id} is geen lid van deze groep; voeg iemand van buiten de groep toe als gast."))
                .ToList();
            Checks.ThrowIfAny(errors);
            foreach (var (memberId, status) in attendance)
            {
                await connection.ExecuteAsync(transaction, """
                    INSERT INTO meeting_attendance (meeting_id, member_id, status) VALUES (@meeting_id, @member_id, @status)
                    ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status;
                    """, cancellationToken, ("@meeting_id", meetingId), ("@member_id", memberId), ("@status", status.ToCode()));
            }

            return (true, (AuditChange?)AuditChange.Updated("meeting", meetingId, projectId, new Dictionary<string, string?>(),
                new Dictionary<string, string?>
                {
                    ["attendance"] = string.Join(", ", attendance.OrderBy(a => a.Key).Select(a => $"{members[a.Key].RoleLabel}: {a.Value.Label()}")),
                }));
        }, cancellationToken)).Found;
    }

    /// <summary>Adds a guest to a meeting; null when the meeting is not in this project.</summary>
    public async Task<long?> AddGuestAsync(long projectId, long meetingId, string name, string organisation, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", name, MeetingRules.NameMaxLength, "de naam of rol van de gast");
        Checks.Optional(errors, "organisation", organisation, MeetingRules.NameMaxLength, "de organisatie");
        Checks.ThrowIfAny(errors);
        return await AddPartAsync(projectId, meetingId, actor, "guest",
            "INSERT INTO meeting_guests (meeting_id, name, organisation) VALUES (@meeting_id, @a, @b) RETURNING id;", name.Trim(), organisation.Trim(), cancellationToken);
    }

    /// <summary>Adds an agenda item after the others (before the closing question); null when the meeting is not in this project.</summary>
    public async Task<long?> AddAgendaItemAsync(long projectId, long meetingId, string title, string notes, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "title", title, MeetingRules.AgendaTitleMaxLength, "het agendapunt");
        Checks.Optional(errors, "notes", notes, MeetingRules.AgendaNotesMaxLength, "de toelichting");
        Checks.ThrowIfAny(errors);
        return await AddPartAsync(projectId, meetingId, actor, "agendaItem", $"""
            INSERT INTO agenda_items (meeting_id, position, title, notes, is_look_back)
            VALUES (@meeting_id, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = @meeting_id AND position < {LookBackAgenda.ClosingPosition}), @a, @b, 0)
            RETURNING id;
            """, title.Trim(), notes.Replace("\r\n", "\n", StringComparison.Ordinal), cancellationToken);
    }

    /// <summary>Adds a decision; null when the meeting is not in this project.</summary>
    public async Task<long?> AddDecisionAsync(long projectId, long meetingId, string text, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "text", text, MeetingRules.DecisionMaxLength, "het besluit");
        Checks.ThrowIfAny(errors);
        return await AddPartAsync(projectId, meetingId, actor, "decision",
            "INSERT INTO meeting_decisions (meeting_id, text) VALUES (@meeting_id, @a) RETURNING id;", text.Trim(), null, cancellationToken);
    }

    /// <summary>Changes the title and notes of an agenda item; false when the meeting or the item is not there.</summary>
    public async Task<bool> UpdateAgendaItemAsync(long projectId, long meetingId, long itemId, string title, string notes, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(notes);
        var errors = new List<ValidationError>();
        Checks.Required(errors, "title", title, MeetingRules.AgendaTitleMaxLength, "het agendapunt");
        Checks.Optional(errors, "notes", notes, MeetingRules.AgendaNotesMaxLength, "de toelichting");
        Checks.ThrowIfAny(errors);
        var text = notes.Replace("\r\n", "\n", StringComparison.Ordinal);
        var (found, changed) = await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var items = await ReadAgendaAsync(change.Connection, change.Transaction, meetingId, cancellationToken);
            if (items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            {
                return (false, (AuditChange?)null);
            }

            await change.Connection.ExecuteAsync(change.Transaction, "UPDATE agenda_items SET title = @title, notes = @notes WHERE id = @id;",
                cancellationToken, ("@id", itemId), ("@title", title.Trim()), ("@notes", text));
            return (true, AuditChange.Updated("agendaItem", itemId, projectId,
                new Dictionary<string, string?> { ["title"] = item.Title, ["notes"] = item.Notes },
                new Dictionary<string, string?> { ["title"] = title.Trim(), ["notes"] = text }));
        }, cancellationToken);
        return found && changed;
    }

    /// <summary>
    /// Moves an agenda item one place up (-1) or down (+1), swapping it with its neighbour; the positions stay strictly
    /// increasing and the last one keeps its number, so the closing item stays last and new items still go before it.
    /// False when the meeting or the item is not there; moving the first item up or the last one down changes nothing.
    /// </summary>
    public async Task<bool> MoveAgendaItemAsync(long projectId, long meetingId, long itemId, int step, Actor actor, CancellationToken cancellationToken = default)
    {
        if (step is not (-1 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "One place up (-1) or down (+1).");
        }

        var (found, moved) = await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var items = (await ReadAgendaAsync(change.Connection, change.Transaction, meetingId, cancellationToken)).ToList();
            var index = items.FindIndex(i => i.Id == itemId);
            if (index < 0)
            {
                return (false, (AuditChange?)null);
            }

            var target = index + step;
            if (target < 0 || target >= items.Count)
            {
                return (true, null);
            }

            (items[index], items[target]) = (items[target], items[index]);
            var positions = AgendaOrder.Renumber(items.Select(i => i.Position).Order().ToList());
            for (var i = 0; i < items.Count; i++)
            {
                await change.Connection.ExecuteAsync(change.Transaction, "UPDATE agenda_items SET position = @position WHERE id = @id;",
                    cancellationToken, ("@id", items[i].Id), ("@position", positions[i]));
            }

            return (true, AuditChange.Updated("agendaItem", itemId, projectId,
                new Dictionary<string, string?> { ["place"] = (index + 1).ToString(CultureInfo.InvariantCulture) },
                new Dictionary<string, string?> { ["place"] = (target + 1).ToString(CultureInfo.InvariantCulture) }));
        }, cancellationToken);
        return found && moved;
    }

    /// <summary>
    /// Removes an agenda item, decision or guest of a meeting; false when it is not there. The audit entry keeps what
    /// was removed, which is what <see cref="RestoreChildAsync"/> puts back.
    /// </summary>
    public async Task<bool> DeleteChildAsync(long projectId, long meetingId, MeetingChild kind, long id, Actor actor, CancellationToken cancellationToken = default)
    {
        var (table, entity) = ChildTable(kind);
        var (found, deleted) = await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var values = await ReadValuesAsync();
            if (values is null)
            {
                return (false, (AuditChange?)null);
            }

            await change.Connection.ExecuteAsync(change.Transaction, $"DELETE FROM {table} WHERE id = @id AND meeting_id = @meeting_id;", cancellationToken, ("@id", id), ("@meeting_id", meetingId));
            values["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture);
            return (true, AuditChange.Deleted(entity, id, projectId, values));

            async Task<Dictionary<string, string?>?> ReadValuesAsync() => kind switch
            {
                MeetingChild.AgendaItem => await change.Connection.QueryFirstAsync(change.Transaction,
                    "SELECT title, notes, position FROM agenda_items WHERE id = @id AND meeting_id = @meeting_id;",
                    r => new Dictionary<string, string?> { ["title"] = r.GetString(0), ["notes"] = r.GetString(1), ["position"] = r.GetInt32(2).ToString(CultureInfo.InvariantCulture) },
                    cancellationToken, ("@id", id), ("@meeting_id", meetingId)),
                MeetingChild.Decision => await change.Connection.QueryFirstAsync(change.Transaction,
                    "SELECT text FROM meeting_decisions WHERE id = @id AND meeting_id = @meeting_id;",
                    r => new Dictionary<string, string?> { ["text"] = r.GetString(0) }, cancellationToken, ("@id", id), ("@meeting_id", meetingId)),
                _ => await change.Connection.QueryFirstAsync(change.Transaction,
                    "SELECT name, organisation FROM meeting_guests WHERE id = @id AND meeting_id = @meeting_id;",
                    r => new Dictionary<string, string?> { ["name"] = r.GetString(0), ["organisation"] = r.GetString(1) }, cancellationToken, ("@id", id), ("@meeting_id", meetingId)),
            };
        }, cancellationToken);
        return found && deleted;
    }

    /// <summary>
    /// Undoes the removal of an agenda item, decision or guest: puts back what the audit entry of the removal kept, as a
    /// new row (its old id may be in use again), once. Null when the meeting is not in this project; a validation error
    /// when there is no such removal of this meeting or it was undone already.
    /// </summary>
    public async Task<long?> RestoreChildAsync(long projectId, long meetingId, MeetingChild kind, long id, Actor actor, CancellationToken cancellationToken = default)
    {
        var (_, entity) = ChildTable(kind);
        var (found, restored) = await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var (connection, transaction, _) = change;
            var removal = await connection.QueryFirstAsync(transaction, """
                SELECT a.id, a.changes FROM audit_log a
                WHERE a.entity = @entity AND a.entity_id = @id AND a.action = 'delete' AND a.project_id = @project_id
                  AND json_extract(a.changes, '$.meeting[0]') = @meeting
                  AND NOT EXISTS (SELECT 1 FROM audit_log r WHERE r.entity = @entity AND r.action = 'create' AND r.project_id = @project_id
                                  AND json_extract(r.changes, '$.restoredFrom[1]') = CAST(a.id AS TEXT))
                ORDER BY a.id DESC LIMIT 1;
                """, r => new Removal(r.GetInt64(0), AuditStore.ParseChanges(r.GetString(1)).ToDictionary(c => c.Key, c => c.Value.Old)), cancellationToken,
                ("@entity", entity), ("@id", id), ("@project_id", projectId), ("@meeting", meetingId.ToString(CultureInfo.InvariantCulture)));
            if (removal is null)
            {
                throw new ValidationException([new ValidationError("undo", "Dit kan niet (meer) ongedaan worden gemaakt.")]);
            }

            var v = removal.Values;
            var newId = kind switch
            {
                MeetingChild.AgendaItem => await connection.InsertAsync(transaction,
                    "INSERT INTO agenda_items (meeting_id, position, title, notes, is_look_back) VALUES (@meeting_id, @position, @a, @b, 0) RETURNING id;",
                    cancellationToken, ("@meeting_id", meetingId), ("@position", int.Parse(v.GetValueOrDefault("position") ?? "1", CultureInfo.InvariantCulture)),
                    ("@a", v.GetValueOrDefault("title") ?? ""), ("@b", v.GetValueOrDefault("notes") ?? "")),
                MeetingChild.Decision => await connection.InsertAsync(transaction,
                    "INSERT INTO meeting_decisions (meeting_id, text) VALUES (@meeting_id, @a) RETURNING id;",
                    cancellationToken, ("@meeting_id", meetingId), ("@a", v.GetValueOrDefault("text") ?? "")),
                _ => await connection.InsertAsync(transaction,
                    "INSERT INTO meeting_guests (meeting_id, name, organisation) VALUES (@meeting_id, @a, @b) RETURNING id;",
                    cancellationToken, ("@meeting_id", meetingId), ("@a", v.GetValueOrDefault("name") ?? ""), ("@b", v.GetValueOrDefault("organisation") ?? "")),
            };
            var created = new Dictionary<string, string?>(v.Where(f => f.Key != "position")) { ["restoredFrom"] = removal.AuditId.ToString(CultureInfo.InvariantCulture) };
            return (newId, (AuditChange?)AuditChange.Created(entity, newId, projectId, created));
        }, cancellationToken);
        return found ? restored : null;
    }

    private static (string Table, string Entity) ChildTable(MeetingChild kind) => kind switch
    {
        MeetingChild.AgendaItem => ("agenda_items", "agendaItem"),
        MeetingChild.Decision => ("meeting_decisions", "decision"),
        _ => ("meeting_guests", "guest"),
    };

    private sealed record Removal(long AuditId, Dictionary<string, string?> Values);

    private static async Task<IReadOnlyList<AgendaItem>> ReadAgendaAsync(DbConnection connection, DbTransaction transaction, long meetingId, CancellationToken cancellationToken) =>
        await connection.QueryAsync(transaction, "SELECT id, position, title, notes, is_look_back FROM agenda_items WHERE meeting_id = @id ORDER BY position, id;",
            r => new AgendaItem(r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetFlag(4)), cancellationToken, ("@id", meetingId));

    /// <summary>The one insert of a meeting (scheduling, and a project created with its meetings).</summary>
    internal static async Task<long> InsertMeetingAsync(DbConnection connection, DbTransaction transaction, long groupId, MeetingPlan plan, DatePrecision precision, string note, CancellationToken cancellationToken) =>
        await connection.InsertAsync(transaction, """
            INSERT INTO meetings (group_id, held_on, date_precision, duration_minutes, title, note, status, starts_at, location)
            VALUES (@group_id, @held_on, @precision, @duration, @title, @note, @status, @starts_at, @location)
            RETURNING id;
            """, cancellationToken, [("@group_id", groupId), ("@precision", precision == DatePrecision.Month ? "month" : "day"), ("@note", note), .. Parameters(plan)]);

    internal static async Task<MeetingRecord?> FindMeetingRecordAsync(DbConnection connection, DbTransaction transaction, long projectId, long meetingId, CancellationToken cancellationToken) =>
        await connection.QueryFirstAsync(transaction, $"""
            SELECT {MeetingColumns} FROM meetings m JOIN project_groups g ON g.id = m.group_id
            WHERE m.id = @id AND g.project_id = @project_id;
            """, ReadMeeting, cancellationToken, ("@id", meetingId), ("@project_id", projectId));

    internal static async Task<IReadOnlyList<MeetingGuest>> ReadGuestsAsync(DbConnection connection, DbTransaction transaction, long meetingId, CancellationToken cancellationToken) =>
        await connection.QueryAsync(transaction, "SELECT id, name, organisation FROM meeting_guests WHERE meeting_id = @id ORDER BY id;",
            r => new MeetingGuest(r.GetInt64(0), r.GetString(1), r.GetString(2)), cancellationToken, ("@id", meetingId));

    // The previous *held* meeting is the one whose reflections are looked back at; the next one is any later meeting that
    // is not cancelled (usually the planned one in which the follow-up is recorded).
    internal static async Task<MeetingRecord?> FindNeighbourAsync(DbConnection connection, DbTransaction transaction, MeetingRecord meeting, bool before, CancellationToken cancellationToken)
    {
        var sql = before
            ? $"""
              SELECT {MeetingColumns} FROM meetings m
              WHERE m.group_id = @group_id AND m.status = 'gehouden' AND (m.held_on < @held_on OR (m.held_on = @held_on AND m.id < @id))
              ORDER BY m.held_on DESC, m.id DESC LIMIT 1;
              """
            : $"""
              SELECT {MeetingColumns} FROM meetings m
              WHERE m.group_id = @group_id AND m.status <> 'geannuleerd' AND (m.held_on > @held_on OR (m.held_on = @held_on AND m.id > @id))
              ORDER BY m.held_on, m.id LIMIT 1;
              """;
        return await connection.QueryFirstAsync(transaction, sql, ReadMeeting, cancellationToken, ("@group_id", meeting.GroupId), ("@held_on", meeting.HeldOn.ToDbValue()), ("@id", meeting.Id));
    }

    internal static MeetingRecord ReadMeeting(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        GroupId = reader.GetInt64(1),
        Title = reader.GetString(2),
        HeldOn = reader.GetDate(3),
        DatePrecision = reader.GetString(4) == "month" ? DatePrecision.Month : DatePrecision.Day,
        StartsAt = reader.GetStringOrNull(5) is { } time ? TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture) : null,
        DurationMinutes = reader.GetInt32OrNull(6),
        Location = reader.GetString(7),
        Status = Codes.Parse<MeetingStatus>(reader.GetString(8)),
        Minutes = reader.GetString(9),
        MinutesApproved = reader.GetFlag(10),
        Note = reader.GetString(11),
    };

    internal static async Task InsertAgendaItemAsync(DbConnection connection, DbTransaction transaction, long meetingId, int position, string title, string notes, bool lookBack, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(transaction, """
            INSERT INTO agenda_items (meeting_id, position, title, notes, is_look_back) VALUES (@meeting_id, @position, @title, @notes, @look_back);
            """, cancellationToken, ("@meeting_id", meetingId), ("@position", position), ("@title", LookBackAgenda.Shorten(title, MeetingRules.AgendaTitleMaxLength)),
            ("@notes", LookBackAgenda.Shorten(notes, MeetingRules.AgendaNotesMaxLength)), ("@look_back", lookBack ? 1 : 0));

    // Guests, agenda items and decisions: one row with one or two texts, added through the one write path.
    private async Task<long?> AddPartAsync(long projectId, long meetingId, Actor actor, string entity, string sql, string a, string? b, CancellationToken cancellationToken)
    {
        var (found, id) = await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var id = await change.Connection.InsertAsync(change.Transaction, sql, cancellationToken, ("@meeting_id", meetingId), ("@a", a), ("@b", b));
            return (id, (AuditChange?)AuditChange.Created(entity, id, projectId, new Dictionary<string, string?>
            {
                ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
                ["text"] = a,
            }));
        }, cancellationToken);
        return found ? id : null;
    }

    private static (string Name, object? Value)[] Parameters(MeetingPlan plan) =>
    [
        ("@held_on", plan.HeldOn.ToDbValue()),
        ("@duration", plan.DurationMinutes),
        ("@title", plan.Title),
        ("@status", plan.Status.ToCode()),
        ("@starts_at", plan.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture)),
        ("@location", plan.Location.Trim()),
    ];

    private static Dictionary<string, string?> Values(MeetingPlan plan, long groupId) => new()
    {
        ["group"] = groupId.ToString(CultureInfo.InvariantCulture),
        ["heldOn"] = plan.HeldOn.ToDbValue(),
        ["startsAt"] = plan.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["durationMinutes"] = plan.DurationMinutes?.ToString(CultureInfo.InvariantCulture),
        ["location"] = plan.Location.Trim(),
        ["title"] = plan.Title,
        ["status"] = plan.Status.ToCode(),
    };
}
