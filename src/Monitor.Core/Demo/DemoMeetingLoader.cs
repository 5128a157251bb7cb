using System.Data.Common;
using System.Text.Json;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Meetings;

namespace Monitor.Core.Demo;

/// <summary>
/// Adds the demo meeting content (Demo/demo-meetings.json: minutes, attendance, agenda, decisions, action
/// items, closing reflections and their follow-up) to the meetings the demo projects already have. Runs in
/// the demo loader's transaction; a mismatch between the two files is a bug and stops the load.
/// </summary>
internal static class DemoMeetingLoader
{
    private const string ResourceName = "Monitor.Core.Demo.demo-meetings.json";

    private static readonly JsonSerializerOptions _jsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task LoadAsync(DbConnection connection, DbTransaction transaction, IReadOnlyDictionary<string, long> projectIds, string now, CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoMeetingLoader).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return;
        }

        var set = await JsonSerializer.DeserializeAsync<DemoMeetingSet>(stream, _jsonOptions, cancellationToken)
            ?? throw new InvalidOperationException("The demo meeting file is empty.");
        foreach (var group in set.Groups)
        {
            await LoadGroupAsync(connection, transaction, projectIds[group.ProjectSlug], group, now, cancellationToken);
        }
    }

    private static async Task LoadGroupAsync(DbConnection connection, DbTransaction transaction, long projectId, DemoGroup group, string now, CancellationToken cancellationToken)
    {
        var groupId = await connection.ScalarLongAsync(transaction, """
            UPDATE project_groups SET cadence_days = @days, reflections_anonymous = @anonymous
            WHERE project_id = @project_id AND name = @name RETURNING id;
            """, cancellationToken, ("@days", group.CadenceDays), ("@anonymous", group.ReflectionsAnonymous ? 1 : 0), ("@project_id", projectId), ("@name", group.GroupName))
            ?? throw new InvalidOperationException($"Demo meetings name group '{group.GroupName}', which project {group.ProjectSlug} does not have.");

        var members = await GroupStore.ReadMembersAsync(connection, transaction, groupId, cancellationToken);
        long MemberId(string role) => members.FirstOrDefault(m => m.RoleLabel == role)?.Id
            ?? throw new InvalidOperationException($"Demo meetings name member '{role}', who is not in group '{group.GroupName}'.");

        var meetingIds = new Dictionary<DateOnly, long>();
        foreach (var (heldOn, id) in await connection.QueryAsync(transaction, "SELECT held_on, id FROM meetings WHERE group_id = @id;",
            reader => (reader.GetDate(0), reader.GetInt64(1)), cancellationToken, ("@id", groupId)))
        {
            meetingIds[heldOn] = id;
        }

        long MeetingId(DateOnly day) => meetingIds.TryGetValue(day, out var id) ? id
            : throw new InvalidOperationException($"Demo meetings name a meeting of '{group.GroupName}' on {day:yyyy-MM-dd}, which does not exist.");

        var ordered = group.Meetings.OrderBy(m => m.HeldOn).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var meeting = ordered[i];
            var meetingId = MeetingId(meeting.HeldOn);
            var next = i + 1 < ordered.Count ? MeetingId(ordered[i + 1].HeldOn) : (long?)null;
            await connection.ExecuteAsync(transaction, """
                UPDATE meetings SET status = 'gehouden', starts_at = @starts_at, location = @location, minutes = @minutes, minutes_approved = @approved WHERE id = @id;
                """, cancellationToken, ("@starts_at", meeting.StartsAt), ("@location", meeting.Location), ("@minutes", meeting.Minutes), ("@approved", next is null ? 0 : 1),
                ("@id", meetingId));

            foreach (var member in members.Where(m => m.IsActiveOn(meeting.HeldOn)))
            {
                var status = meeting.Excused.Contains(member.RoleLabel) ? AttendanceStatus.Afgemeld
                    : meeting.Absent.Contains(member.RoleLabel) ? AttendanceStatus.Afwezig
                    : AttendanceStatus.Aanwezig;
                await connection.ExecuteAsync(transaction, "INSERT INTO meeting_attendance (meeting_id, member_id, status) VALUES (@m, @p, @s);", cancellationToken,
                    ("@m", meetingId), ("@p", member.Id), ("@s", status.ToCode()));
            }

            foreach (var guest in meeting.Guests)
            {
                await connection.ExecuteAsync(transaction, "INSERT INTO meeting_guests (meeting_id, name, organisation) VALUES (@m, @n, @o);", cancellationToken,
                    ("@m", meetingId), ("@n", guest.Name), ("@o", guest.Organisation));
            }

            for (var position = 0; position < meeting.Agenda.Count; position++)
            {
                var title = meeting.Agenda[position];
                var isClosing = position == meeting.Agenda.Count - 1;
                await MeetingStore.InsertAgendaItemAsync(connection, transaction, meetingId, isClosing ? 100 : position + 1, title, "",
                    title.Contains("terugblik", StringComparison.OrdinalIgnoreCase), cancellationToken);
            }

            foreach (var decision in meeting.Decisions)
            {
                await connection.ExecuteAsync(transaction, "INSERT INTO meeting_decisions (meeting_id, text) VALUES (@m, @t);", cancellationToken, ("@m", meetingId), ("@t", decision));
            }

            foreach (var item in meeting.ActionItems)
            {
                var closedIn = item.DoneOn is { } done ? MeetingId(done) : (long?)null;
                await connection.ExecuteAsync(transaction, """
                    INSERT INTO action_items (group_id, meeting_id, description, owner_member_id, due_on, status, closed_in_meeting_id, closed_on, created_at)
                    VALUES (@g, @m, @d, @o, @due, @status, @closed_in, @closed_on, @now);
                    """, cancellationToken, ("@g", groupId), ("@m", meetingId), ("@d", item.Description), ("@o", MemberId(item.Owner)), ("@due", item.DueOn.ToDbValue()),
                    ("@status", item.DoneOn is null ? "open" : "gedaan"), ("@closed_in", closedIn), ("@closed_on", item.DoneOn.ToDbValue()), ("@now", now));
            }

            foreach (var reflection in meeting.Reflections)
            {
                _ = MemberId(reflection.Member); // the file must name real members, also in an anonymous group
                var id = group.ReflectionsAnonymous
                    ? await ReflectionStore.InsertAnonymousAsync(connection, transaction, meetingId, reflection.Wel, reflection.Minder, "demo", null, now, cancellationToken)
                    : await ReflectionStore.UpsertAsync(connection, transaction, meetingId,
                        new ReflectionInput { MemberId = MemberId(reflection.Member), WentWell = reflection.Wel, WentLess = reflection.Minder }, "demo", null, now, cancellationToken);
                if (reflection.FollowUp is { } followUp && next is { } nextId)
                {
                    await connection.ExecuteAsync(transaction, """
                        INSERT INTO reflection_followups (reflection_id, meeting_id, text, recorded_at, recorded_by) VALUES (@r, @m, @t, @now, 'Demo');
                        """, cancellationToken, ("@r", id), ("@m", nextId), ("@t", followUp), ("@now", now));
                }
            }
        }

        foreach (var meetingId in meetingIds.Values)
        {
            await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId, cancellationToken);
        }
    }

    /// <summary>
    /// The reflection the demo files mean by "<paramref name="member"/> at this meeting". In an anonymous group the
    /// database keeps no author, so the answer is found by its texts, which the demo meeting file still knows.
    /// </summary>
    public static async Task<long?> FindReflectionAsync(DbConnection connection, DbTransaction transaction, long meetingId, string member, CancellationToken cancellationToken)
    {
        if (await connection.ScalarLongAsync(transaction, """
            SELECT r.id FROM reflections r LEFT JOIN group_members gm ON gm.id = r.member_id LEFT JOIN meeting_guests gu ON gu.id = r.guest_id
            WHERE r.meeting_id = @m AND coalesce(gm.role_label, gu.name) = @who;
            """, cancellationToken, ("@m", meetingId), ("@who", member)) is { } id)
        {
            return id;
        }

        var meeting = await connection.QueryFirstAsync(transaction, "SELECT g.name, m.held_on FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE m.id = @m;",
            reader => new MeetingPlace(reader.GetString(0), reader.GetDate(1)), cancellationToken, ("@m", meetingId));
        if (meeting is null)
        {
            return null;
        }

        var answer = (await _set.Value).Groups.Where(g => g.GroupName == meeting.GroupName && g.ReflectionsAnonymous)
            .SelectMany(g => g.Meetings).Where(m => m.HeldOn == meeting.HeldOn)
            .SelectMany(m => m.Reflections).FirstOrDefault(r => r.Member == member);
        if (answer is null)
        {
            return null;
        }

        return await connection.ScalarLongAsync(transaction, """
            SELECT id FROM reflections WHERE meeting_id = @m AND anonymous = 1 AND went_well = @well AND went_less = @less ORDER BY id LIMIT 1;
            """, cancellationToken, ("@m", meetingId), ("@well", ReflectionStore.Normalise(answer.Wel)), ("@less", ReflectionStore.Normalise(answer.Minder)));
    }

    private static readonly Lazy<Task<DemoMeetingSet>> _set = new(async () =>
    {
        await using var stream = typeof(DemoMeetingLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The demo meeting file is missing.");
        return await JsonSerializer.DeserializeAsync<DemoMeetingSet>(stream, _jsonOptions) ?? throw new InvalidOperationException("The demo meeting file is empty.");
    });

    /// <summary>The group and date of a meeting, by which the demo file names it.</summary>
    private sealed record MeetingPlace(string GroupName, DateOnly HeldOn);

    private sealed record DemoMeetingSet
    {
        public required int Version { get; init; }
        public required IReadOnlyList<DemoGroup> Groups { get; init; }
    }

    private sealed record DemoGroup
    {
        public required string ProjectSlug { get; init; }
        public required string GroupName { get; init; }
        public int? CadenceDays { get; init; }
        public bool ReflectionsAnonymous { get; init; }
        public required IReadOnlyList<DemoMeeting> Meetings { get; init; }
    }

    private sealed record DemoMeeting
    {
        public required DateOnly HeldOn { get; init; }
        public string? StartsAt { get; init; }
        public string Location { get; init; } = "";
        public IReadOnlyList<string> Excused { get; init; } = [];
        public IReadOnlyList<string> Absent { get; init; } = [];
        public IReadOnlyList<DemoGuest> Guests { get; init; } = [];
        public IReadOnlyList<string> Agenda { get; init; } = [];
        public string Minutes { get; init; } = "";
        public IReadOnlyList<string> Decisions { get; init; } = [];
        public IReadOnlyList<DemoActionItem> ActionItems { get; init; } = [];
        public IReadOnlyList<DemoReflection> Reflections { get; init; } = [];
    }

    private sealed record DemoGuest(string Name, string Organisation);

    private sealed record DemoActionItem(string Description, string Owner, DateOnly? DueOn, DateOnly? DoneOn);

    private sealed record DemoReflection(string Member, string Wel, string Minder, string? FollowUp);
}
