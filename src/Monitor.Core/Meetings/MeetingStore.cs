using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Projects;

namespace Monitor.Core.Meetings;

/// <summary>
/// Groups, members and meetings with their attendance, agenda, minutes, decisions and action items.
/// Every method takes the project id and refuses (returns null/false) an id of another project, so a URL
/// cannot reach into a project the caller was not authorised for. Reflections live in <see cref="ReflectionStore"/>.
/// </summary>
public sealed class MeetingStore
{
    internal const string MeetingColumns = "m.id, m.group_id, m.title, m.held_on, m.date_precision, m.starts_at, m.duration_minutes, m.location, m.status, m.minutes, m.minutes_approved, m.note";

    private const string ActionColumns = """
        a.id, a.group_id, a.meeting_id, m.held_on, a.description, a.owner_member_id, gm.role_label, a.due_on, a.status, a.closed_in_meeting_id, a.closed_on
        """;

    private const string ActionFrom = """
        FROM action_items a
        JOIN meetings m ON m.id = a.meeting_id
        LEFT JOIN group_members gm ON gm.id = a.owner_member_id
        """;

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public MeetingStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    // ---------------------------------------------------------------- groups and members

    /// <summary>The groups of a project with their settings; null when there is no such project.</summary>
    public async Task<IReadOnlyList<GroupInfo>?> ListGroupsAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        if (!await ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        var groups = new List<GroupInfo>();
        await using var command = connection.Command(transaction, """
            SELECT id, project_id, kind, name, purpose, cadence, cadence_days, reflections_anonymous
            FROM project_groups WHERE project_id = @project_id ORDER BY id;
            """, ("@project_id", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(ReadGroup(reader));
        }

        return groups;
    }

    /// <summary>A group with members, meetings and open action items; null when it is not a group of this project.</summary>
    public async Task<GroupDetail?> FindGroupAsync(long projectId, long groupId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var group = await FindGroupInfoAsync(connection, transaction, projectId, groupId, cancellationToken);
        if (group is null)
        {
            return null;
        }

        var members = await ReadMembersAsync(connection, transaction, groupId, cancellationToken);
        var meetings = new List<MeetingRecord>();
        await using (var command = connection.Command(transaction, $"SELECT {MeetingColumns} FROM meetings m WHERE m.group_id = @group_id ORDER BY m.held_on, m.id;", ("@group_id", groupId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                meetings.Add(ReadMeeting(reader));
            }
        }

        var open = await ReadActionItemsAsync(connection, transaction, "a.group_id = @id AND a.status = 'open' ORDER BY m.held_on, a.id", groupId, cancellationToken);
        return new GroupDetail { Group = group, Members = members, Meetings = meetings, OpenActionItems = open };
    }

    /// <summary>Creates a group in the project; null when there is no such project.</summary>
    public async Task<long?> CreateGroupAsync(long projectId, GroupSettings settings, Actor actor, CancellationToken cancellationToken = default)
    {
        CheckGroup(settings);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (!await ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        await ThrowIfGroupNameTakenAsync(connection, transaction, projectId, settings.Name.Trim(), null, cancellationToken);
        long id;
        await using (var command = connection.Command(transaction, """
            INSERT INTO project_groups (project_id, kind, name, purpose, cadence, cadence_days, reflections_anonymous)
            VALUES (@project_id, @kind, @name, @purpose, @cadence, @cadence_days, @anonymous)
            RETURNING id;
            """, ("@project_id", projectId)))
        {
            AddGroupParameters(command, settings);
            id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("group", id, projectId, GroupValues(settings)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Changes a group's settings; false when it is not a group of this project.</summary>
    public async Task<bool> UpdateGroupAsync(long projectId, long groupId, GroupSettings settings, Actor actor, CancellationToken cancellationToken = default)
    {
        CheckGroup(settings);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var before = await FindGroupInfoAsync(connection, transaction, projectId, groupId, cancellationToken);
        if (before is null)
        {
            return false;
        }

        await ThrowIfGroupNameTakenAsync(connection, transaction, projectId, settings.Name.Trim(), groupId, cancellationToken);
        await using (var command = connection.Command(transaction, """
            UPDATE project_groups
            SET kind = @kind, name = @name, purpose = @purpose, cadence = @cadence, cadence_days = @cadence_days, reflections_anonymous = @anonymous
            WHERE id = @id;
            """, ("@id", groupId)))
        {
            AddGroupParameters(command, settings);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var beforeValues = GroupValues(new GroupSettings
        {
            Kind = before.Kind,
            Name = before.Name,
            Purpose = before.Purpose,
            Cadence = before.Cadence,
            CadenceDays = before.CadenceDays,
            ReflectionsAnonymous = before.ReflectionsAnonymous,
        });
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("group", groupId, projectId, beforeValues, GroupValues(settings)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds a member to a group. When <paramref name="replacesMemberId"/> is given, that member must be
    /// in the same group; if they have not left yet, they leave the day before the new member joins.
    /// Returns null when the group is not in this project.
    /// </summary>
    public async Task<long?> AddMemberAsync(long projectId, long groupId, MemberDraft member, long? replacesMemberId, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "roleLabel", member.RoleLabel, MeetingRules.NameMaxLength, "de rol of naam");
        Checks.Optional(errors, "organisation", member.Organisation, MeetingRules.NameMaxLength, "de organisatie");
        if (member.JoinedOn is { } joined && member.LeftOn is { } left && left < joined)
        {
            errors.Add(new ValidationError("leftOn", "De vertrekdatum ligt voor de datum van toetreden."));
        }

        if (replacesMemberId is not null && member.JoinedOn is null)
        {
            errors.Add(new ValidationError("joinedOn", "Geef bij een vervanging de datum waarop het nieuwe lid begint."));
        }

        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await FindGroupInfoAsync(connection, transaction, projectId, groupId, cancellationToken) is null)
        {
            return null;
        }

        if (replacesMemberId is { } replaced)
        {
            var members = await ReadMembersAsync(connection, transaction, groupId, cancellationToken);
            var old = members.FirstOrDefault(m => m.Id == replaced)
                ?? throw new ValidationException([new ValidationError("replacesMemberId", "Het lid dat vervangen wordt, hoort niet bij deze groep.")]);
            if (old.LeftOn is null)
            {
                var leftOn = member.JoinedOn!.Value.AddDays(-1);
                if (old.JoinedOn is { } oldJoined && leftOn < oldJoined)
                {
                    throw new ValidationException([new ValidationError("joinedOn", "Het nieuwe lid kan niet beginnen voordat het vervangen lid begon.")]);
                }

                await using var leave = connection.Command(transaction, "UPDATE group_members SET left_on = @left_on WHERE id = @id;", ("@id", replaced), ("@left_on", leftOn.ToDbValue()));
                await leave.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        long id;
        await using (var command = connection.Command(transaction, """
            INSERT INTO group_members (group_id, role_label, organisation, joined_on, left_on, replaces_member_id)
            VALUES (@group_id, @role_label, @organisation, @joined_on, @left_on, @replaces)
            RETURNING id;
            """,
            ("@group_id", groupId), ("@role_label", member.RoleLabel.Trim()), ("@organisation", member.Organisation.Trim()),
            ("@joined_on", member.JoinedOn.ToDbValue()), ("@left_on", member.LeftOn.ToDbValue()), ("@replaces", (object?)replacesMemberId ?? DBNull.Value)))
        {
            id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("member", id, projectId, new Dictionary<string, string?>
        {
            ["group"] = groupId.ToString(CultureInfo.InvariantCulture),
            ["roleLabel"] = member.RoleLabel.Trim(),
            ["organisation"] = member.Organisation.Trim(),
            ["joinedOn"] = member.JoinedOn?.ToDbValue(),
            ["replaces"] = replacesMemberId?.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Records that a member left the group (history is kept); false when not a member of this project.</summary>
    public async Task<bool> SetMemberLeftAsync(long projectId, long memberId, DateOnly leftOn, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var find = connection.Command(transaction, """
            SELECT gm.joined_on, gm.left_on FROM group_members gm JOIN project_groups g ON g.id = gm.group_id
            WHERE gm.id = @id AND g.project_id = @project_id;
            """, ("@id", memberId), ("@project_id", projectId)))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            if (reader.GetDateOrNull(0) is { } joined && leftOn < joined)
            {
                throw new ValidationException([new ValidationError("leftOn", "De vertrekdatum ligt voor de datum van toetreden.")]);
            }
        }

        await using (var command = connection.Command(transaction, "UPDATE group_members SET left_on = @left_on WHERE id = @id;", ("@id", memberId), ("@left_on", leftOn.ToDbValue())))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("member", memberId, projectId,
            new Dictionary<string, string?> { ["leftOn"] = null }, new Dictionary<string, string?> { ["leftOn"] = leftOn.ToDbValue() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // ---------------------------------------------------------------- meetings

    /// <summary>The meetings of a project (optionally one group), oldest first; null when there is no such project.</summary>
    public async Task<IReadOnlyList<MeetingRecord>?> ListMeetingsAsync(long projectId, long? groupId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        if (!await ProjectExistsAsync(connection, transaction, projectId, cancellationToken))
        {
            return null;
        }

        var meetings = new List<MeetingRecord>();
        await using var command = connection.Command(transaction, $"""
            SELECT {MeetingColumns} FROM meetings m JOIN project_groups g ON g.id = m.group_id
            WHERE g.project_id = @project_id AND (@group_id IS NULL OR m.group_id = @group_id)
            ORDER BY m.held_on, m.id;
            """, ("@project_id", projectId), ("@group_id", (object?)groupId ?? DBNull.Value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            meetings.Add(ReadMeeting(reader));
        }

        return meetings;
    }

    /// <summary>Everything on a meeting's page; null when it is not a meeting of this project.</summary>
    public async Task<MeetingDetail?> FindMeetingAsync(long projectId, long meetingId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var meeting = await FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var group = (await FindGroupInfoAsync(connection, transaction, projectId, meeting.GroupId, cancellationToken))!;
        var members = await ReadMembersAsync(connection, transaction, group.Id, cancellationToken);
        var recorded = new Dictionary<long, AttendanceStatus>();
        await using (var command = connection.Command(transaction, "SELECT member_id, status FROM meeting_attendance WHERE meeting_id = @id;", ("@id", meetingId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                recorded[reader.GetInt64(0)] = Codes.Parse<AttendanceStatus>(reader.GetString(1));
            }
        }

        var attendance = members
            .Where(m => m.IsActiveOn(meeting.HeldOn) || recorded.ContainsKey(m.Id))
            .Select(m => new AttendanceEntry(m.Id, m.RoleLabel, m.Organisation, recorded.TryGetValue(m.Id, out var s) ? s : null))
            .ToList();

        var guests = await ReadGuestsAsync(connection, transaction, meetingId, cancellationToken);
        var agenda = new List<AgendaItem>();
        await using (var command = connection.Command(transaction, "SELECT id, position, title, notes, is_look_back FROM agenda_items WHERE meeting_id = @id ORDER BY position, id;", ("@id", meetingId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                agenda.Add(new AgendaItem(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetFlag(4)));
            }
        }

        var decisions = new List<MeetingDecision>();
        await using (var command = connection.Command(transaction, "SELECT id, text FROM meeting_decisions WHERE meeting_id = @id ORDER BY id;", ("@id", meetingId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                decisions.Add(new MeetingDecision(reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var own = await ReadActionItemsAsync(connection, transaction, "a.meeting_id = @id ORDER BY a.id", meetingId, cancellationToken);
        // Items of earlier meetings that were still open when this meeting began: open now, or closed in or after it.
        var carried = (await ReadActionItemsAsync(connection, transaction, "a.group_id = @id ORDER BY m.held_on, a.id", group.Id, cancellationToken))
            .Where(a => a.MeetingId != meetingId && a.MeetingHeldOn < meeting.HeldOn
                && (a.Status == ActionItemStatus.Open || a.ClosedInMeetingId == meetingId || (a.ClosedOn is { } closed && closed >= meeting.HeldOn)))
            .ToList();

        var reflections = await ReflectionStore.ReadReflectionsAsync(connection, transaction, meetingId, group.ReflectionsAnonymous, cancellationToken);
        var previous = await FindNeighbourAsync(connection, transaction, meeting, before: true, cancellationToken);
        MeetingLookBack? lookBack = null;
        if (previous is not null)
        {
            lookBack = new MeetingLookBack
            {
                PreviousMeeting = previous,
                Reflections = await ReflectionStore.ReadReflectionsAsync(connection, transaction, previous.Id, group.ReflectionsAnonymous, cancellationToken),
            };
        }

        var next = await FindNeighbourAsync(connection, transaction, meeting, before: false, cancellationToken);
        return new MeetingDetail
        {
            Meeting = meeting,
            Group = group,
            Attendance = attendance,
            Guests = guests,
            Agenda = agenda,
            Decisions = decisions,
            ActionItems = own,
            CarriedActionItems = carried,
            Reflections = reflections,
            LookBack = lookBack,
            NextMeeting = next,
        };
    }

    /// <summary>
    /// Schedules a meeting of a group. Its agenda opens with the look-back at the previous meeting (approve
    /// the minutes, open action items, what was done with the closing reflections) and closes with the
    /// closing question. Returns null when the group is not in this project.
    /// </summary>
    public async Task<long?> ScheduleMeetingAsync(long projectId, long groupId, MeetingPlan plan, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        MeetingRules.CheckPlan(errors, plan);
        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await FindGroupInfoAsync(connection, transaction, projectId, groupId, cancellationToken) is null)
        {
            return null;
        }

        var title = plan.Title.Trim();
        long id;
        await using (var command = connection.Command(transaction, """
            INSERT INTO meetings (group_id, held_on, date_precision, duration_minutes, title, note, status, starts_at, location)
            VALUES (@group_id, @held_on, 'day', @duration, @title, '', @status, @starts_at, @location)
            RETURNING id;
            """, ("@group_id", groupId)))
        {
            AddPlanParameters(command, plan with { Title = title });
            id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var meeting = (await FindMeetingRecordAsync(connection, transaction, projectId, id, cancellationToken))!;
        var previous = await FindNeighbourAsync(connection, transaction, meeting, before: true, cancellationToken);
        var openActions = (await ReadActionItemsAsync(connection, transaction, "a.group_id = @id AND a.status = 'open' ORDER BY m.held_on, a.id", groupId, cancellationToken))
            .Where(a => a.MeetingHeldOn < plan.HeldOn)
            .ToList();
        var position = 0;
        if (previous is not null)
        {
            var reflections = await ReflectionStore.ReadReflectionsAsync(connection, transaction, previous.Id, anonymous: true, cancellationToken);
            var previousDate = previous.HeldOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
            await InsertAgendaItemAsync(connection, transaction, id, ++position, $"Terugblik: verslag van {previousDate} vaststellen", "", true, cancellationToken);
            await InsertAgendaItemAsync(connection, transaction, id, ++position, $"Terugblik: openstaande actiepunten ({openActions.Count})",
                string.Join("\n", openActions.Select(a => "- " + a.Description + (a.OwnerLabel is null ? "" : $" ({a.OwnerLabel})"))), true, cancellationToken);
            var less = reflections.Where(r => r.WentLess.Length > 0).ToList();
            await InsertAgendaItemAsync(connection, transaction, id, ++position, $"Terugblik: wat deden we met de reflecties van vorige keer? ({less.Count} keer 'minder gewerkt')",
                string.Join("\n", less.Select(r => "- " + Shorten(r.WentLess, 300))), true, cancellationToken);
        }

        await InsertAgendaItemAsync(connection, transaction, id, 100, "Afsluiting: " + MeetingRules.ClosingQuestion, "", false, cancellationToken);
        await MeetingSearchIndex.ReindexAsync(connection, transaction, id, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("meeting", id, projectId, PlanValues(plan with { Title = title }, groupId)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Changes date, time, place, title or status of a meeting; false when it is not in this project.</summary>
    public async Task<bool> UpdateMeetingAsync(long projectId, long meetingId, MeetingPlan plan, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        MeetingRules.CheckPlan(errors, plan);
        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var before = await FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken);
        if (before is null)
        {
            return false;
        }

        if (plan.Status == MeetingStatus.Gehouden && plan.HeldOn > DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime).AddDays(1))
        {
            throw new ValidationException([new ValidationError("status", "Een bijeenkomst in de toekomst kan nog niet gehouden zijn.")]);
        }

        if (plan.Status != MeetingStatus.Gehouden && await HasReflectionsAsync(connection, transaction, meetingId, cancellationToken))
        {
            throw new ValidationException([new ValidationError("status", "Deze bijeenkomst heeft al reflecties; zij blijft daarom 'gehouden'.")]);
        }

        await using (var command = connection.Command(transaction, """
            UPDATE meetings SET held_on = @held_on, duration_minutes = @duration, title = @title, status = @status, starts_at = @starts_at, location = @location
            WHERE id = @id;
            """, ("@id", meetingId)))
        {
            AddPlanParameters(command, plan with { Title = plan.Title.Trim() });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var beforePlan = new MeetingPlan
        {
            HeldOn = before.HeldOn,
            StartsAt = before.StartsAt,
            DurationMinutes = before.DurationMinutes,
            Location = before.Location,
            Title = before.Title,
            Status = before.Status,
        };
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("meeting", meetingId, projectId, PlanValues(beforePlan, before.GroupId), PlanValues(plan with { Title = plan.Title.Trim() }, before.GroupId)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Saves the minutes (Markdown); false when the meeting is not in this project.</summary>
    public async Task<bool> SaveMinutesAsync(long projectId, long meetingId, string minutes, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Optional(errors, "minutes", minutes, MeetingRules.MinutesMaxLength, "het verslag");
        Checks.ThrowIfAny(errors);
        var text = minutes.Replace("\r\n", "\n", StringComparison.Ordinal);
        return await ChangeMeetingAsync(projectId, meetingId, actor, async (connection, transaction, before) =>
        {
            await using var command = connection.Command(transaction, "UPDATE meetings SET minutes = @minutes WHERE id = @id;", ("@id", meetingId), ("@minutes", text));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return AuditChange.Updated("meeting", meetingId, projectId,
                new Dictionary<string, string?> { ["minutesLength"] = before.Minutes.Length.ToString(CultureInfo.InvariantCulture) },
                new Dictionary<string, string?> { ["minutesLength"] = text.Length.ToString(CultureInfo.InvariantCulture) });
        }, cancellationToken);
    }

    /// <summary>Marks the minutes of a meeting as approved (or not), as done in the next meeting's look-back.</summary>
    public async Task<bool> SetMinutesApprovedAsync(long projectId, long meetingId, bool approved, Actor actor, CancellationToken cancellationToken = default) =>
        await ChangeMeetingAsync(projectId, meetingId, actor, async (connection, transaction, before) =>
        {
            await using var command = connection.Command(transaction, "UPDATE meetings SET minutes_approved = @approved WHERE id = @id;", ("@id", meetingId), ("@approved", approved ? 1 : 0));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return AuditChange.Updated("meeting", meetingId, projectId,
                new Dictionary<string, string?> { ["minutesApproved"] = before.MinutesApproved ? "ja" : "nee" },
                new Dictionary<string, string?> { ["minutesApproved"] = approved ? "ja" : "nee" });
        }, cancellationToken);

    /// <summary>
    /// Records attendance per member. Every member must belong to the meeting's group (someone else is added
    /// as a guest). All or nothing. False when the meeting is not in this project.
    /// </summary>
    public async Task<bool> SetAttendanceAsync(long projectId, long meetingId, IReadOnlyDictionary<long, AttendanceStatus> attendance, Actor actor, CancellationToken cancellationToken = default)
    {
        return await ChangeMeetingAsync(projectId, meetingId, actor, async (connection, transaction, meeting) =>
        {
            var members = (await ReadMembersAsync(connection, transaction, meeting.GroupId, cancellationToken)).ToDictionary(m => m.Id);
            var errors = attendance.Keys.Where(id => !members.ContainsKey(id))
                .Select(id => new ValidationError($"attendance.{id}", $"Deelnemer {id} is geen lid van deze groep; voeg iemand van buiten de groep toe als gast."))
                .ToList();
            Checks.ThrowIfAny(errors);
            await using var command = connection.Command(transaction, """
                INSERT INTO meeting_attendance (meeting_id, member_id, status) VALUES (@meeting_id, @member_id, @status)
                ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status;
                """, ("@meeting_id", meetingId));
            var pMember = command.Parameters.Add("@member_id", SqliteType.Integer);
            var pStatus = command.Parameters.Add("@status", SqliteType.Text);
            foreach (var (memberId, status) in attendance)
            {
                pMember.Value = memberId;
                pStatus.Value = status.ToCode();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return AuditChange.Updated("meeting", meetingId, projectId, new Dictionary<string, string?>(),
                new Dictionary<string, string?>
                {
                    ["attendance"] = string.Join(", ", attendance.OrderBy(a => a.Key).Select(a => $"{members[a.Key].RoleLabel}: {a.Value.Label()}")),
                });
        }, cancellationToken);
    }

    /// <summary>Adds a guest to a meeting; null when the meeting is not in this project.</summary>
    public async Task<long?> AddGuestAsync(long projectId, long meetingId, string name, string organisation, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", name, MeetingRules.NameMaxLength, "de naam of rol van de gast");
        Checks.Optional(errors, "organisation", organisation, MeetingRules.NameMaxLength, "de organisatie");
        Checks.ThrowIfAny(errors);
        return await InsertChildAsync(projectId, meetingId, actor, "guest",
            "INSERT INTO meeting_guests (meeting_id, name, organisation) VALUES (@meeting_id, @a, @b) RETURNING id;",
            name.Trim(), organisation.Trim(), reindex: false, cancellationToken);
    }

    /// <summary>Adds an agenda item after the others (before the closing question); null when the meeting is not in this project.</summary>
    public async Task<long?> AddAgendaItemAsync(long projectId, long meetingId, string title, string notes, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "title", title, MeetingRules.AgendaTitleMaxLength, "het agendapunt");
        Checks.Optional(errors, "notes", notes, MeetingRules.AgendaNotesMaxLength, "de toelichting");
        Checks.ThrowIfAny(errors);
        return await InsertChildAsync(projectId, meetingId, actor, "agendaItem", """
            INSERT INTO agenda_items (meeting_id, position, title, notes, is_look_back)
            VALUES (@meeting_id, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = @meeting_id AND position < 100), @a, @b, 0)
            RETURNING id;
            """, title.Trim(), notes.Replace("\r\n", "\n", StringComparison.Ordinal), reindex: true, cancellationToken);
    }

    /// <summary>Adds a decision; null when the meeting is not in this project.</summary>
    public async Task<long?> AddDecisionAsync(long projectId, long meetingId, string text, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "text", text, MeetingRules.DecisionMaxLength, "het besluit");
        Checks.ThrowIfAny(errors);
        return await InsertChildAsync(projectId, meetingId, actor, "decision",
            "INSERT INTO meeting_decisions (meeting_id, text) VALUES (@meeting_id, @a) RETURNING id;",
            text.Trim(), null, reindex: true, cancellationToken);
    }

    /// <summary>Removes an agenda item, decision or guest of a meeting; false when it is not there.</summary>
    public async Task<bool> DeleteChildAsync(long projectId, long meetingId, MeetingChild kind, long id, Actor actor, CancellationToken cancellationToken = default)
    {
        var (table, entity) = kind switch
        {
            MeetingChild.AgendaItem => ("agenda_items", "agendaItem"),
            MeetingChild.Decision => ("meeting_decisions", "decision"),
            _ => ("meeting_guests", "guest"),
        };
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken) is null)
        {
            return false;
        }

        await using (var command = connection.Command(transaction, $"DELETE FROM {table} WHERE id = @id AND meeting_id = @meeting_id;", ("@id", id), ("@meeting_id", meetingId)))
        {
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted(entity, id, projectId, new Dictionary<string, string?> { ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds an action item to a meeting; the owner must be a member of its group. Null when the meeting is not in this project.</summary>
    public async Task<long?> AddActionItemAsync(long projectId, long meetingId, string description, long? ownerMemberId, DateOnly? dueOn, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "description", description, MeetingRules.ActionItemMaxLength, "het actiepunt");
        Checks.ThrowIfAny(errors);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var meeting = await FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        if (ownerMemberId is { } owner && (await ReadMembersAsync(connection, transaction, meeting.GroupId, cancellationToken)).All(m => m.Id != owner))
        {
            throw new ValidationException([new ValidationError("ownerMemberId", "De eigenaar van een actiepunt is een lid van deze groep.")]);
        }

        if (dueOn is { } due && due < meeting.HeldOn)
        {
            throw new ValidationException([new ValidationError("dueOn", "De uiterste datum ligt voor de datum van de bijeenkomst.")]);
        }

        long id;
        await using (var command = connection.Command(transaction, """
            INSERT INTO action_items (group_id, meeting_id, description, owner_member_id, due_on, status, created_at)
            VALUES (@group_id, @meeting_id, @description, @owner, @due_on, 'open', @now)
            RETURNING id;
            """, ("@group_id", meeting.GroupId), ("@meeting_id", meetingId), ("@description", description.Trim()),
            ("@owner", (object?)ownerMemberId ?? DBNull.Value), ("@due_on", dueOn.ToDbValue()), ("@now", Now())))
        {
            id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("actionItem", id, projectId, new Dictionary<string, string?>
        {
            ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
            ["description"] = description.Trim(),
            ["owner"] = ownerMemberId?.ToString(CultureInfo.InvariantCulture),
            ["dueOn"] = dueOn?.ToDbValue(),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// Closes (or reopens) an action item, recording in which meeting of its group that happened.
    /// False when the item is not in this project.
    /// </summary>
    public async Task<bool> SetActionItemStatusAsync(long projectId, long actionItemId, ActionItemStatus status, long? inMeetingId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var item = (await ReadActionItemsAsync(connection, transaction, "a.id = @id", actionItemId, cancellationToken)).SingleOrDefault();
        if (item is null || await FindGroupInfoAsync(connection, transaction, projectId, item.GroupId, cancellationToken) is null)
        {
            return false;
        }

        DateOnly? closedOn = null;
        if (status != ActionItemStatus.Open)
        {
            if (inMeetingId is { } closingMeetingId)
            {
                var closing = await FindMeetingRecordAsync(connection, transaction, projectId, closingMeetingId, cancellationToken);
                if (closing is null || closing.GroupId != item.GroupId)
                {
                    throw new ValidationException([new ValidationError("meetingId", "Een actiepunt wordt afgesloten in een bijeenkomst van dezelfde groep.")]);
                }

                closedOn = closing.HeldOn;
            }
            else
            {
                closedOn = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
            }
        }

        await using (var command = connection.Command(transaction, """
            UPDATE action_items SET status = @status, closed_in_meeting_id = @closed_in, closed_on = @closed_on WHERE id = @id;
            """, ("@id", actionItemId), ("@status", status.ToCode()),
            ("@closed_in", status == ActionItemStatus.Open ? DBNull.Value : (object?)inMeetingId ?? DBNull.Value), ("@closed_on", closedOn.ToDbValue())))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("actionItem", actionItemId, projectId,
            new Dictionary<string, string?> { ["status"] = item.Status.ToCode() },
            new Dictionary<string, string?> { ["status"] = status.ToCode() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // ---------------------------------------------------------------- metrics and search

    /// <summary>The facts the meeting metrics are computed from, per meeting of the group (oldest first).</summary>
    public async Task<IReadOnlyList<MeetingFacts>> GetFactsAsync(long groupId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var meetings = new List<(long Id, DateOnly HeldOn, MeetingStatus Status)>();
        await using (var command = connection.Command(transaction, "SELECT id, held_on, status FROM meetings WHERE group_id = @id ORDER BY held_on, id;", ("@id", groupId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                meetings.Add((reader.GetInt64(0), reader.GetDate(1), Codes.Parse<MeetingStatus>(reader.GetString(2))));
            }
        }

        var attendance = new Dictionary<long, List<AttendanceFact>>();
        await using (var command = connection.Command(transaction, """
            SELECT a.meeting_id, a.member_id, a.status FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.group_id = @id;
            """, ("@id", groupId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                AddTo(attendance, reader.GetInt64(0), new AttendanceFact(reader.GetInt64(1), Codes.Parse<AttendanceStatus>(reader.GetString(2))));
            }
        }

        var reflections = new Dictionary<long, List<ReflectionFact>>();
        await using (var command = connection.Command(transaction, """
            SELECT r.meeting_id, r.id, r.member_id, r.went_well <> '', r.went_less <> '', fm.held_on, r.anonymous
            FROM reflections r
            JOIN meetings m ON m.id = r.meeting_id
            LEFT JOIN reflection_followups f ON f.reflection_id = r.id
            LEFT JOIN meetings fm ON fm.id = f.meeting_id
            WHERE m.group_id = @id;
            """, ("@id", groupId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                AddTo(reflections, reader.GetInt64(0), new ReflectionFact(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetFlag(3), reader.GetFlag(4), reader.GetDateOrNull(5), reader.GetFlag(6)));
            }
        }

        return [.. meetings.Select(m => new MeetingFacts
        {
            MeetingId = m.Id,
            HeldOn = m.HeldOn,
            Status = m.Status,
            Attendance = attendance.GetValueOrDefault(m.Id) ?? [],
            Reflections = reflections.GetValueOrDefault(m.Id) ?? [],
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
            return [];
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT s.kind, m.id, m.title, m.held_on, g.name,
                   snippet(meeting_search, 3, char({(int)SearchHit.MarkStart}), char({(int)SearchHit.MarkEnd}), '…', 16)
            FROM meeting_search s
            JOIN meetings m ON m.id = s.meeting_id
            JOIN project_groups g ON g.id = m.group_id
            WHERE meeting_search MATCH @match AND s.project_id = @project_id
            ORDER BY rank
            LIMIT 100;
            """;
        command.Parameters.AddWithValue("@match", match);
        command.Parameters.AddWithValue("@project_id", projectId);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetDate(3), reader.GetString(4), reader.GetString(5)));
        }

        return hits;
    }

    // ---------------------------------------------------------------- shared readers

    internal static async Task<GroupInfo?> FindGroupInfoAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, long groupId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, """
            SELECT id, project_id, kind, name, purpose, cadence, cadence_days, reflections_anonymous
            FROM project_groups WHERE id = @id AND project_id = @project_id;
            """, ("@id", groupId), ("@project_id", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadGroup(reader) : null;
    }

    internal static async Task<MeetingRecord?> FindMeetingRecordAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, long meetingId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, $"""
            SELECT {MeetingColumns} FROM meetings m JOIN project_groups g ON g.id = m.group_id
            WHERE m.id = @id AND g.project_id = @project_id;
            """, ("@id", meetingId), ("@project_id", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadMeeting(reader) : null;
    }

    internal static async Task<IReadOnlyList<MemberInfo>> ReadMembersAsync(SqliteConnection connection, SqliteTransaction transaction, long groupId, CancellationToken cancellationToken)
    {
        var members = new List<MemberInfo>();
        await using var command = connection.Command(transaction, """
            SELECT id, role_label, organisation, joined_on, left_on, replaces_member_id, user_id FROM group_members WHERE group_id = @id ORDER BY id;
            """, ("@id", groupId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(new MemberInfo
            {
                Id = reader.GetInt64(0),
                RoleLabel = reader.GetString(1),
                Organisation = reader.GetString(2),
                JoinedOn = reader.GetDateOrNull(3),
                LeftOn = reader.GetDateOrNull(4),
                ReplacesMemberId = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                UserId = reader.IsDBNull(6) ? null : reader.GetInt64(6),
            });
        }

        return members;
    }

    internal static async Task<IReadOnlyList<MeetingGuest>> ReadGuestsAsync(SqliteConnection connection, SqliteTransaction transaction, long meetingId, CancellationToken cancellationToken)
    {
        var guests = new List<MeetingGuest>();
        await using var command = connection.Command(transaction, "SELECT id, name, organisation FROM meeting_guests WHERE meeting_id = @id ORDER BY id;", ("@id", meetingId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            guests.Add(new MeetingGuest(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return guests;
    }

    internal static async Task<MeetingRecord?> FindNeighbourAsync(SqliteConnection connection, SqliteTransaction transaction, MeetingRecord meeting, bool before, CancellationToken cancellationToken)
    {
        // The previous *held* meeting is the one whose reflections are looked back at; the next one is any
        // later meeting that is not cancelled (usually the planned one in which the follow-up is recorded).
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
        await using var command = connection.Command(transaction, sql, ("@group_id", meeting.GroupId), ("@held_on", meeting.HeldOn.ToDbValue()), ("@id", meeting.Id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadMeeting(reader) : null;
    }

    internal static MeetingRecord ReadMeeting(SqliteDataReader reader) => new()
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

    internal static async Task InsertAgendaItemAsync(SqliteConnection connection, SqliteTransaction transaction, long meetingId, int position, string title, string notes, bool lookBack, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, """
            INSERT INTO agenda_items (meeting_id, position, title, notes, is_look_back) VALUES (@meeting_id, @position, @title, @notes, @look_back);
            """, ("@meeting_id", meetingId), ("@position", position), ("@title", Shorten(title, MeetingRules.AgendaTitleMaxLength)),
            ("@notes", Shorten(notes, MeetingRules.AgendaNotesMaxLength)), ("@look_back", lookBack ? 1 : 0));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<ActionItem>> ReadActionItemsAsync(SqliteConnection connection, SqliteTransaction transaction, string where, long id, CancellationToken cancellationToken)
    {
        var items = new List<ActionItem>();
        await using var command = connection.Command(transaction, $"SELECT {ActionColumns} {ActionFrom} WHERE {where};", ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new ActionItem
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
            });
        }

        return items;
    }

    private static GroupInfo ReadGroup(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        ProjectId = reader.GetInt64(1),
        Kind = Codes.Parse<GroupKind>(reader.GetString(2)),
        Name = reader.GetString(3),
        Purpose = reader.GetString(4),
        Cadence = reader.GetString(5),
        CadenceDays = reader.GetInt32OrNull(6),
        ReflectionsAnonymous = reader.GetFlag(7),
    };

    private async Task<bool> ChangeMeetingAsync(long projectId, long meetingId, Actor actor,
        Func<SqliteConnection, SqliteTransaction, MeetingRecord, Task<AuditChange>> change, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var meeting = await FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return false;
        }

        var audit = await change(connection, transaction, meeting);
        await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<long?> InsertChildAsync(long projectId, long meetingId, Actor actor, string entity, string sql, string a, string? b, bool reindex, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken) is null)
        {
            return null;
        }

        long id;
        await using (var command = connection.Command(transaction, sql, ("@meeting_id", meetingId), ("@a", a)))
        {
            if (b is not null)
            {
                command.Parameters.AddWithValue("@b", b);
            }

            id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        if (reindex)
        {
            await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId, cancellationToken);
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created(entity, id, projectId, new Dictionary<string, string?>
        {
            ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
            ["text"] = a,
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private static async Task<bool> ProjectExistsAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "SELECT EXISTS (SELECT 1 FROM projects WHERE id = @id);", ("@id", projectId));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private static async Task<bool> HasReflectionsAsync(SqliteConnection connection, SqliteTransaction transaction, long meetingId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "SELECT EXISTS (SELECT 1 FROM reflections WHERE meeting_id = @id);", ("@id", meetingId));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private static async Task ThrowIfGroupNameTakenAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, string name, long? exceptGroupId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, """
            SELECT EXISTS (SELECT 1 FROM project_groups WHERE project_id = @project_id AND name = @name AND id <> @except);
            """, ("@project_id", projectId), ("@name", name), ("@except", exceptGroupId ?? 0));
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 1)
        {
            throw new ValidationException([new ValidationError("name", $"Dit project heeft al een groep met de naam '{name}'.")]);
        }
    }

    private static void CheckGroup(GroupSettings settings)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "name", settings.Name, MeetingRules.NameMaxLength, "de naam van de groep");
        Checks.Optional(errors, "purpose", settings.Purpose, 2000, "het doel");
        Checks.Optional(errors, "cadence", settings.Cadence, 200, "het ritme");
        if (settings.CadenceDays is { } days && (days < 1 || days > 366))
        {
            errors.Add(new ValidationError("cadenceDays", "Het ritme ligt tussen 1 en 366 dagen (leeg = wisselend)."));
        }

        Checks.ThrowIfAny(errors);
    }

    private static void AddGroupParameters(SqliteCommand command, GroupSettings settings)
    {
        command.Parameters.AddWithValue("@kind", settings.Kind.ToCode());
        command.Parameters.AddWithValue("@name", settings.Name.Trim());
        command.Parameters.AddWithValue("@purpose", settings.Purpose.Trim());
        command.Parameters.AddWithValue("@cadence", settings.Cadence.Trim());
        command.Parameters.AddWithValue("@cadence_days", settings.CadenceDays.ToDbValue());
        command.Parameters.AddWithValue("@anonymous", settings.ReflectionsAnonymous ? 1 : 0);
    }

    private static Dictionary<string, string?> GroupValues(GroupSettings settings) => new()
    {
        ["kind"] = settings.Kind.ToCode(),
        ["name"] = settings.Name.Trim(),
        ["purpose"] = settings.Purpose.Trim(),
        ["cadence"] = settings.Cadence.Trim(),
        ["cadenceDays"] = settings.CadenceDays?.ToString(CultureInfo.InvariantCulture),
        ["reflectionsAnonymous"] = settings.ReflectionsAnonymous ? "ja" : "nee",
    };

    private static void AddPlanParameters(SqliteCommand command, MeetingPlan plan)
    {
        command.Parameters.AddWithValue("@held_on", plan.HeldOn.ToDbValue());
        command.Parameters.AddWithValue("@duration", plan.DurationMinutes.ToDbValue());
        command.Parameters.AddWithValue("@title", plan.Title);
        command.Parameters.AddWithValue("@status", plan.Status.ToCode());
        command.Parameters.AddWithValue("@starts_at", plan.StartsAt is { } t ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("@location", plan.Location.Trim());
    }

    private static Dictionary<string, string?> PlanValues(MeetingPlan plan, long groupId) => new()
    {
        ["group"] = groupId.ToString(CultureInfo.InvariantCulture),
        ["heldOn"] = plan.HeldOn.ToDbValue(),
        ["startsAt"] = plan.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["durationMinutes"] = plan.DurationMinutes?.ToString(CultureInfo.InvariantCulture),
        ["location"] = plan.Location.Trim(),
        ["title"] = plan.Title,
        ["status"] = plan.Status.ToCode(),
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void AddTo<T>(Dictionary<long, List<T>> map, long key, T item)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(item);
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
