using System.Data.Common;
using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// The closing reflections of meetings as the secretary or the API enter them, and the follow-up of "minder gewerkt"
/// answers. Members answering through a link: <see cref="ReflectionLinkStore"/>. An answer in an anonymous group keeps no
/// member or guest id at all; every read leaves authors out there too (see <see cref="Reflection"/>). Writes go through
/// <see cref="MeetingWrites"/> (search index and audit in step).
/// </summary>
public sealed class ReflectionStore
{
    private const string ReflectionSelect = """
        SELECT r.id, r.meeting_id, r.member_id, r.guest_id, coalesce(gm.role_label, mg.name), r.went_well, r.went_less, r.source,
               f.meeting_id, fm.held_on, f.text, f.recorded_at, f.recorded_by
        """;

    private const string ReflectionFrom = """
        FROM reflections r
        LEFT JOIN group_members gm ON gm.id = r.member_id
        LEFT JOIN meeting_guests mg ON mg.id = r.guest_id
        LEFT JOIN reflection_followups f ON f.reflection_id = r.id
        LEFT JOIN meetings fm ON fm.id = f.meeting_id
        """;

    private readonly MonitorDatabase _database;
    private readonly MeetingWrites _writes;
    private readonly TimeProvider _time;

    public ReflectionStore(MonitorDatabase database, MeetingWrites writes, TimeProvider time)
    {
        _database = database;
        _writes = writes;
        _time = time;
    }

    /// <summary>
    /// Saves (adds or replaces) the answer of one member or guest, entered by the secretary or through the API. In an
    /// anonymous group every answer entered is a new one and keeps no author. The meeting must have been held. Null when
    /// the meeting is not in this project.
    /// </summary>
    public async Task<long?> SaveAsync(long projectId, long meetingId, ReflectionInput input, string source, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckTexts(input.WentWell, input.WentLess);
        var (found, id) = await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var (connection, transaction, meeting) = change;
            MeetingStatusRules.ThrowIfNotHeld(meeting);
            var group = (await GroupStore.FindGroupInfoAsync(connection, transaction, projectId, meeting.GroupId, cancellationToken))!;
            long id;
            if (group.ReflectionsAnonymous)
            {
                id = await InsertAnonymousAsync(connection, transaction, meetingId, input.WentWell, input.WentLess, source, null, Now(), cancellationToken);
            }
            else
            {
                await CheckAuthorAsync(connection, transaction, meeting, input, cancellationToken);
                id = await UpsertAsync(connection, transaction, meetingId, input, source, null, Now(), cancellationToken);
            }

            return (id, (AuditChange?)AuditChange.Created("reflection", id, projectId, new Dictionary<string, string?>
            {
                ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
                ["source"] = source,
                ["anonymous"] = group.ReflectionsAnonymous ? "ja" : null,
                ["wentWellLength"] = input.WentWell.Length.ToString(CultureInfo.InvariantCulture),
                ["wentLessLength"] = input.WentLess.Length.ToString(CultureInfo.InvariantCulture),
            }));
        }, cancellationToken);
        return found ? id : null;
    }

    /// <summary>Removes a reflection (and its follow-up); false when it is not in this project.</summary>
    public async Task<bool> DeleteAsync(long projectId, long reflectionId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (await FindMeetingOfReflectionAsync(projectId, reflectionId, cancellationToken) is not { } meetingId)
        {
            return false;
        }

        return (await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            await change.Connection.ExecuteAsync(change.Transaction, "DELETE FROM reflections WHERE id = @id;", cancellationToken, ("@id", reflectionId));
            return (true, (AuditChange?)AuditChange.Deleted("reflection", reflectionId, projectId,
                new Dictionary<string, string?> { ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture) }));
        }, cancellationToken)).Found;
    }

    /// <summary>
    /// Records what was done with a "minder gewerkt" answer, in a later meeting of the same group (the
    /// meeting whose look-back discussed it). Replaces an earlier follow-up. False when the reflection is not
    /// in this project.
    /// </summary>
    public async Task<bool> RecordFollowUpAsync(long projectId, long reflectionId, long inMeetingId, string text, Actor actor, CancellationToken cancellationToken = default)
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "text", text, MeetingRules.FollowUpMaxLength, "wat er met het antwoord gedaan is");
        Checks.ThrowIfAny(errors);
        if (await FindMeetingOfReflectionAsync(projectId, reflectionId, cancellationToken) is not { } meetingId)
        {
            return false;
        }

        return (await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            var (connection, transaction, source) = change;
            var target = await MeetingStore.FindMeetingRecordAsync(connection, transaction, projectId, inMeetingId, cancellationToken);
            if (target is null || target.GroupId != source.GroupId || target.HeldOn < source.HeldOn || target.Id == source.Id)
            {
                throw new ValidationException([new ValidationError("meetingId", "De opvolging wordt vastgelegd in een latere bijeenkomst van dezelfde groep.")]);
            }

            if ((string?)await connection.ScalarAsync(transaction, "SELECT went_less FROM reflections WHERE id = @id;", cancellationToken, ("@id", reflectionId)) is "" or null)
            {
                throw new ValidationException([new ValidationError("reflectionId", "Deze reflectie heeft geen 'minder gewerkt'-antwoord om op te volgen.")]);
            }

            await connection.ExecuteAsync(transaction, """
                INSERT INTO reflection_followups (reflection_id, meeting_id, text, recorded_at, recorded_by)
                VALUES (@id, @meeting_id, @text, @now, @by)
                ON CONFLICT (reflection_id) DO UPDATE SET meeting_id = excluded.meeting_id, text = excluded.text, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by;
                """, cancellationToken, ("@id", reflectionId), ("@meeting_id", inMeetingId), ("@text", text.Trim()), ("@now", Now()), ("@by", actor.Name));
            return (true, (AuditChange?)AuditChange.Created("followUp", reflectionId, projectId, new Dictionary<string, string?>
            {
                ["meeting"] = inMeetingId.ToString(CultureInfo.InvariantCulture),
                ["text"] = text.Trim(),
            }));
        }, cancellationToken)).Found;
    }

    /// <summary>
    /// Every reflection of a project with its group and meeting, oldest meeting first, in one query (for the
    /// export). Authors are left out for anonymous groups, as in every other read.
    /// </summary>
    public async Task<IReadOnlyList<ReflectionRow>> ListForProjectAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, $"""
            {ReflectionSelect}, g.reflections_anonymous, g.name, m.held_on, m.title
            {ReflectionFrom}
            JOIN meetings m ON m.id = r.meeting_id
            JOIN project_groups g ON g.id = m.group_id
            WHERE g.project_id = @id
            -- in an anonymous group the order of answering is not shown: sort by the text instead
            ORDER BY m.held_on, m.id,
                     CASE WHEN g.reflections_anonymous = 1 THEN r.went_well END,
                     CASE WHEN g.reflections_anonymous = 1 THEN r.went_less END,
                     r.id;
            """, r => new ReflectionRow(r.GetString(14), r.GetDate(15), r.GetString(16), ReadReflection(r, r.GetFlag(13))), cancellationToken, ("@id", projectId));
    }

    internal static async Task<IReadOnlyList<Reflection>> ReadReflectionsAsync(DbConnection connection, DbTransaction transaction, long meetingId, bool anonymous, CancellationToken cancellationToken)
    {
        var reflections = await connection.QueryAsync(transaction, $"""
            {ReflectionSelect}
            {ReflectionFrom}
            WHERE r.meeting_id = @id
            ORDER BY r.id;
            """, r => ReadReflection(r, anonymous), cancellationToken, ("@id", meetingId));

        // An anonymous list keeps no trace of the order in which people answered.
        return anonymous ? [.. reflections.OrderBy(r => r.WentWell, StringComparer.Ordinal).ThenBy(r => r.WentLess, StringComparer.Ordinal)] : reflections;
    }

    /// <summary>Adds or replaces the answer of a member or guest (a group with names).</summary>
    internal static async Task<long> UpsertAsync(DbConnection connection, DbTransaction transaction, long meetingId, ReflectionInput input, string source, string? editKeyHash, string now, CancellationToken cancellationToken)
    {
        var conflict = input.MemberId is not null ? "(meeting_id, member_id)" : "(meeting_id, guest_id)";
        return await connection.InsertAsync(transaction, $"""
            INSERT INTO reflections (meeting_id, member_id, guest_id, went_well, went_less, source, edit_key_hash, created_at, updated_at)
            VALUES (@meeting_id, @member_id, @guest_id, @well, @less, @source, @key, @now, @now)
            ON CONFLICT {conflict} DO UPDATE SET went_well = excluded.went_well, went_less = excluded.went_less,
                source = excluded.source, edit_key_hash = coalesce(excluded.edit_key_hash, reflections.edit_key_hash), updated_at = excluded.updated_at
            RETURNING id;
            """, cancellationToken, ("@meeting_id", meetingId), ("@member_id", input.MemberId), ("@guest_id", input.GuestId),
            ("@well", Normalise(input.WentWell)), ("@less", Normalise(input.WentLess)), ("@source", source), ("@key", editKeyHash), ("@now", now));
    }

    /// <summary>Adds an answer that keeps no author (an anonymous group).</summary>
    internal static async Task<long> InsertAnonymousAsync(DbConnection connection, DbTransaction transaction, long meetingId, string wentWell, string wentLess,
        string source, string? editKeyHash, string now, CancellationToken cancellationToken) =>
        await connection.InsertAsync(transaction, """
            INSERT INTO reflections (meeting_id, anonymous, went_well, went_less, source, edit_key_hash, created_at, updated_at)
            VALUES (@meeting_id, 1, @well, @less, @source, @key, @now, @now)
            RETURNING id;
            """, cancellationToken, ("@meeting_id", meetingId), ("@well", Normalise(wentWell)), ("@less", Normalise(wentLess)), ("@source", source),
            ("@key", editKeyHash), ("@now", now));

    internal static void CheckTexts(string wentWell, string wentLess)
    {
        var errors = new List<ValidationError>();
        Checks.Optional(errors, "wentWell", wentWell, MeetingRules.ReflectionMaxLength, "wat wel werkte");
        Checks.Optional(errors, "wentLess", wentLess, MeetingRules.ReflectionMaxLength, "wat minder werkte");
        if (string.IsNullOrWhiteSpace(wentWell) && string.IsNullOrWhiteSpace(wentLess))
        {
            errors.Add(new ValidationError("wentWell", "Vul in wat wel of wat minder werkte (een van beide mag leeg blijven)."));
        }

        Checks.ThrowIfAny(errors);
    }

    internal static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    internal static string Hash(string secret) => SecretTokens.Hash(secret);

    private static Reflection ReadReflection(DbDataReader reader, bool anonymous) => new()
    {
        Id = reader.GetInt64(0),
        MeetingId = reader.GetInt64(1),
        MemberId = anonymous || reader.IsDBNull(2) ? null : reader.GetInt64(2),
        GuestId = anonymous || reader.IsDBNull(3) ? null : reader.GetInt64(3),
        AuthorLabel = anonymous || reader.IsDBNull(4) ? null : reader.GetString(4),
        WentWell = reader.GetString(5),
        WentLess = reader.GetString(6),
        Source = reader.GetString(7),
        FollowUp = reader.IsDBNull(8) ? null : new ReflectionFollowUp(reader.GetInt64(8), reader.GetDate(9), reader.GetString(10),
            DateTimeOffset.Parse(reader.GetString(11), CultureInfo.InvariantCulture), reader.GetString(12)),
    };

    private static async Task CheckAuthorAsync(DbConnection connection, DbTransaction transaction, MeetingRecord meeting, ReflectionInput input, CancellationToken cancellationToken)
    {
        if ((input.MemberId is null) == (input.GuestId is null))
        {
            throw new ValidationException([new ValidationError("memberId", "Kies wie de reflectie geeft: een lid of een gast van deze bijeenkomst.")]);
        }

        if (input.MemberId is { } memberId)
        {
            if ((await GroupStore.ReadMembersAsync(connection, transaction, meeting.GroupId, cancellationToken)).All(m => m.Id != memberId))
            {
                throw new ValidationException([new ValidationError("memberId", "Alleen leden van deze groep en gasten van deze bijeenkomst geven een reflectie.")]);
            }
        }
        else if ((await MeetingStore.ReadGuestsAsync(connection, transaction, meeting.Id, cancellationToken)).All(g => g.Id != input.GuestId))
        {
            throw new ValidationException([new ValidationError("guestId", "Deze gast hoort niet bij deze bijeenkomst.")]);
        }
    }

    private async Task<long?> FindMeetingOfReflectionAsync(long projectId, long reflectionId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, """
            SELECT r.meeting_id FROM reflections r JOIN meetings m ON m.id = r.meeting_id JOIN project_groups g ON g.id = m.group_id
            WHERE r.id = @id AND g.project_id = @project_id;
            """, cancellationToken, ("@id", reflectionId), ("@project_id", projectId));
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
