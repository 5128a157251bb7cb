using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// The closing reflections of meetings, the follow-up of "minder gewerkt" answers, and the per-meeting
/// links with which members answer without an account. Reflections are stored with their author; in an
/// anonymous group every read leaves the author out (see <see cref="Reflection"/>).
/// </summary>
public sealed class ReflectionStore
{
    public static readonly TimeSpan DefaultLinkValidity = TimeSpan.FromDays(14);
    public static readonly TimeSpan MaxLinkValidity = TimeSpan.FromDays(60);

    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;
    private readonly TimeProvider _time;

    public ReflectionStore(MonitorDatabase database, AuditStore audit, TimeProvider time)
    {
        _database = database;
        _audit = audit;
        _time = time;
    }

    /// <summary>
    /// Saves (adds or replaces) the answer of one member or guest, entered by the secretary or through the API.
    /// The meeting must have been held. Null when the meeting is not in this project.
    /// </summary>
    public async Task<long?> SaveAsync(long projectId, long meetingId, ReflectionInput input, string source, Actor actor, CancellationToken cancellationToken = default)
    {
        CheckTexts(input.WentWell, input.WentLess);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var meeting = await MeetingStore.FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        ThrowIfNotHeld(meeting);
        var group = (await MeetingStore.FindGroupInfoAsync(connection, transaction, projectId, meeting.GroupId, cancellationToken))!;
        if (group.ReflectionsAnonymous)
        {
            // In an anonymous group the database keeps no author: each answer entered is a new one.
            var anonymousId = await InsertAnonymousAsync(connection, transaction, meetingId, input.WentWell, input.WentLess, source, null, Now(), cancellationToken);
            await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId, cancellationToken);
            await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("reflection", anonymousId, projectId, new Dictionary<string, string?>
            {
                ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
                ["source"] = source,
                ["anonymous"] = "ja",
            }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return anonymousId;
        }

        if ((input.MemberId is null) == (input.GuestId is null))
        {
            throw new ValidationException([new ValidationError("memberId", "Kies wie de reflectie geeft: een lid of een gast van deze bijeenkomst.")]);
        }

        if (input.MemberId is { } memberId)
        {
            var members = await MeetingStore.ReadMembersAsync(connection, transaction, meeting.GroupId, cancellationToken);
            if (members.All(m => m.Id != memberId))
            {
                throw new ValidationException([new ValidationError("memberId", "Alleen leden van deze groep en gasten van deze bijeenkomst geven een reflectie.")]);
            }
        }
        else if ((await MeetingStore.ReadGuestsAsync(connection, transaction, meetingId, cancellationToken)).All(g => g.Id != input.GuestId))
        {
            throw new ValidationException([new ValidationError("guestId", "Deze gast hoort niet bij deze bijeenkomst.")]);
        }

        var id = await UpsertAsync(connection, transaction, meetingId, input, source, null, Now(), cancellationToken);
        await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("reflection", id, projectId, new Dictionary<string, string?>
        {
            ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
            ["source"] = source,
            ["wentWellLength"] = input.WentWell.Length.ToString(CultureInfo.InvariantCulture),
            ["wentLessLength"] = input.WentLess.Length.ToString(CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Removes a reflection (and its follow-up); false when it is not in this project.</summary>
    public async Task<bool> DeleteAsync(long projectId, long reflectionId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var meetingId = await FindMeetingOfReflectionAsync(connection, transaction, projectId, reflectionId, cancellationToken);
        if (meetingId is null)
        {
            return false;
        }

        await using (var command = connection.Command(transaction, "DELETE FROM reflections WHERE id = @id;", ("@id", reflectionId)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId.Value, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Deleted("reflection", reflectionId, projectId,
            new Dictionary<string, string?> { ["meeting"] = meetingId.Value.ToString(CultureInfo.InvariantCulture) }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
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
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var meetingId = await FindMeetingOfReflectionAsync(connection, transaction, projectId, reflectionId, cancellationToken);
        if (meetingId is null)
        {
            return false;
        }

        var source = (await MeetingStore.FindMeetingRecordAsync(connection, transaction, projectId, meetingId.Value, cancellationToken))!;
        var target = await MeetingStore.FindMeetingRecordAsync(connection, transaction, projectId, inMeetingId, cancellationToken);
        if (target is null || target.GroupId != source.GroupId || target.HeldOn < source.HeldOn || target.Id == source.Id)
        {
            throw new ValidationException([new ValidationError("meetingId", "De opvolging wordt vastgelegd in een latere bijeenkomst van dezelfde groep.")]);
        }

        await using (var check = connection.Command(transaction, "SELECT went_less FROM reflections WHERE id = @id;", ("@id", reflectionId)))
        {
            if ((string)(await check.ExecuteScalarAsync(cancellationToken))! == "")
            {
                throw new ValidationException([new ValidationError("reflectionId", "Deze reflectie heeft geen 'minder gewerkt'-antwoord om op te volgen.")]);
            }
        }

        await using (var command = connection.Command(transaction, """
            INSERT INTO reflection_followups (reflection_id, meeting_id, text, recorded_at, recorded_by)
            VALUES (@id, @meeting_id, @text, @now, @by)
            ON CONFLICT (reflection_id) DO UPDATE SET meeting_id = excluded.meeting_id, text = excluded.text, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by;
            """, ("@id", reflectionId), ("@meeting_id", inMeetingId), ("@text", text.Trim()), ("@now", Now()), ("@by", actor.Name)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId.Value, cancellationToken);
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("followUp", reflectionId, projectId, new Dictionary<string, string?>
        {
            ["meeting"] = inMeetingId.ToString(CultureInfo.InvariantCulture),
            ["text"] = text.Trim(),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Makes a link with which the members of a held meeting answer the closing question. Only the hash of the
    /// token is stored. Null when the meeting is not in this project.
    /// </summary>
    public async Task<ReflectionLink?> CreateLinkAsync(long projectId, long meetingId, TimeSpan validFor, Actor actor, CancellationToken cancellationToken = default)
    {
        if (validFor <= TimeSpan.Zero || validFor > MaxLinkValidity)
        {
            throw new ValidationException([new ValidationError("validDays", $"Een link is 1 tot {MaxLinkValidity.TotalDays:0} dagen geldig.")]);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var meeting = await MeetingStore.FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        ThrowIfNotHeld(meeting);
        var token = "r_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var expires = _time.GetUtcNow() + validFor;
        long id;
        await using (var command = connection.Command(transaction, """
            INSERT INTO reflection_links (meeting_id, token_hash, expires_at, created_at, created_by)
            VALUES (@meeting_id, @hash, @expires, @now, @by) RETURNING id;
            """, ("@meeting_id", meetingId), ("@hash", Hash(token)), ("@expires", expires.ToString("O", CultureInfo.InvariantCulture)), ("@now", Now()), ("@by", actor.Name)))
        {
            id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("reflectionLink", id, projectId, new Dictionary<string, string?>
        {
            ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
            ["expiresAt"] = expires.ToString("O", CultureInfo.InvariantCulture),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReflectionLink(token, expires);
    }

    /// <summary>Revokes every link of a meeting; false when the meeting is not in this project.</summary>
    public async Task<bool> RevokeLinksAsync(long projectId, long meetingId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        if (await MeetingStore.FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken) is null)
        {
            return false;
        }

        await using (var command = connection.Command(transaction, "UPDATE reflection_links SET revoked = 1 WHERE meeting_id = @id;", ("@id", meetingId)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("meeting", meetingId, projectId,
            new Dictionary<string, string?> { ["reflectionLinks"] = "actief" }, new Dictionary<string, string?> { ["reflectionLinks"] = "ingetrokken" }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The meeting behind a link.</summary>
    /// <exception cref="ReflectionLinkException">The link is unknown, revoked or expired.</exception>
    public async Task<ReflectionLinkContext> OpenLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await OpenLinkAsync(connection, transaction, token, cancellationToken);
    }

    /// <summary>
    /// The answer given through this link earlier from the same browser (its edit key); in a group with names also
    /// only when it is <paramref name="memberId"/>'s. Null otherwise.
    /// </summary>
    public async Task<Reflection?> FindOwnAnswerAsync(string token, long? memberId, string? editKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(editKey))
        {
            return null;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var context = await OpenLinkAsync(connection, transaction, token, cancellationToken);
        if (!context.Anonymous && memberId is null)
        {
            return null;
        }

        await using var command = connection.Command(transaction, """
            SELECT id, went_well, went_less FROM reflections
            WHERE meeting_id = @meeting_id AND edit_key_hash = @key AND (anonymous = 1 OR member_id = @member_id);
            """, ("@meeting_id", context.MeetingId), ("@member_id", (object?)memberId ?? DBNull.Value), ("@key", Hash(editKey)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Reflection
        {
            Id = reader.GetInt64(0),
            MeetingId = context.MeetingId,
            MemberId = context.Anonymous ? null : memberId,
            GuestId = null,
            AuthorLabel = null,
            WentWell = reader.GetString(1),
            WentLess = reader.GetString(2),
            Source = "link",
            FollowUp = null,
        };
    }

    /// <summary>
    /// Saves a member's answer given through a link. A member who answered before may change it only with the
    /// edit key they got then (kept in their browser); otherwise the answer is refused, so nobody can overwrite
    /// someone else's answer. Returns the key for later edits.
    /// </summary>
    /// <exception cref="ReflectionLinkException">The link is unknown, revoked or expired.</exception>
    public async Task<LinkAnswerResult> AnswerThroughLinkAsync(string token, long? memberId, string wentWell, string wentLess, string? editKey, CancellationToken cancellationToken = default)
    {
        CheckTexts(wentWell, wentLess);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var context = await OpenLinkAsync(connection, transaction, token, cancellationToken);
        if (context.Anonymous)
        {
            return await AnswerAnonymouslyAsync(connection, transaction, context, wentWell, wentLess, editKey, cancellationToken);
        }

        var respondent = context.Respondents.FirstOrDefault(r => r.MemberId == memberId)
            ?? throw new ValidationException([new ValidationError("memberId", "Kies je naam of rol uit de lijst van aanwezigen.")]);

        string? existingHash = null;
        var exists = false;
        await using (var command = connection.Command(transaction, "SELECT edit_key_hash FROM reflections WHERE meeting_id = @meeting_id AND member_id = @member_id;",
            ("@meeting_id", context.MeetingId), ("@member_id", respondent.MemberId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                exists = true;
                existingHash = reader.GetStringOrNull(0);
            }
        }

        if (exists && (editKey is null || existingHash is null || !string.Equals(existingHash, Hash(editKey), StringComparison.Ordinal)))
        {
            throw new ValidationException([new ValidationError("memberId", "Voor deze deelnemer is al een antwoord gegeven. Wijzigen kan alleen vanaf het apparaat waarmee het gegeven is, of via de secretaris.")]);
        }

        var key = exists ? editKey! : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var input = new ReflectionInput { MemberId = respondent.MemberId, WentWell = wentWell, WentLess = wentLess };
        var id = await UpsertAsync(connection, transaction, context.MeetingId, input, "link", Hash(key), Now(), cancellationToken);
        await MeetingSearchIndex.ReindexAsync(connection, transaction, context.MeetingId, cancellationToken);
        // The audit names the respondent only by "via link" in an anonymous group: the audit log is a page too.
        var actor = new Actor(null, context.Anonymous ? "Deelnemer via reflectielink" : $"{respondent.RoleLabel} via reflectielink");
        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Created("reflection", id, context.ProjectId, new Dictionary<string, string?>
        {
            ["meeting"] = context.MeetingId.ToString(CultureInfo.InvariantCulture),
            ["source"] = "link",
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LinkAnswerResult(id, key);
    }

    // An anonymous group's link asks nothing that identifies: a new answer gets a fresh edit key (kept in the
    // browser); with that key the same browser changes its own answer. Nobody can block or overwrite another's answer.
    private async Task<LinkAnswerResult> AnswerAnonymouslyAsync(SqliteConnection connection, SqliteTransaction transaction, ReflectionLinkContext context,
        string wentWell, string wentLess, string? editKey, CancellationToken cancellationToken)
    {
        long? existing = null;
        if (!string.IsNullOrEmpty(editKey))
        {
            await using var find = connection.Command(transaction, "SELECT id FROM reflections WHERE meeting_id = @meeting_id AND anonymous = 1 AND edit_key_hash = @key;",
                ("@meeting_id", context.MeetingId), ("@key", Hash(editKey)));
            existing = await find.ExecuteScalarAsync(cancellationToken) as long?;
        }

        var now = Now();
        long id;
        string key;
        if (existing is { } found)
        {
            await using var update = connection.Command(transaction, "UPDATE reflections SET went_well = @well, went_less = @less, updated_at = @now WHERE id = @id;",
                ("@well", Normalise(wentWell)), ("@less", Normalise(wentLess)), ("@now", now), ("@id", found));
            await update.ExecuteNonQueryAsync(cancellationToken);
            (id, key) = (found, editKey!);
        }
        else
        {
            key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            id = await InsertAnonymousAsync(connection, transaction, context.MeetingId, wentWell, wentLess, "link", Hash(key), now, cancellationToken);
        }

        await MeetingSearchIndex.ReindexAsync(connection, transaction, context.MeetingId, cancellationToken);
        await _audit.RecordAsync(connection, transaction, new Actor(null, "Deelnemer via reflectielink"), AuditChange.Created("reflection", id, context.ProjectId, new Dictionary<string, string?>
        {
            ["meeting"] = context.MeetingId.ToString(CultureInfo.InvariantCulture),
            ["source"] = "link",
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LinkAnswerResult(id, key);
    }

    internal static async Task<long> InsertAnonymousAsync(SqliteConnection connection, SqliteTransaction transaction, long meetingId, string wentWell, string wentLess,
        string source, string? editKeyHash, string now, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, """
            INSERT INTO reflections (meeting_id, anonymous, went_well, went_less, source, edit_key_hash, created_at, updated_at)
            VALUES (@meeting_id, 1, @well, @less, @source, @key, @now, @now)
            RETURNING id;
            """, ("@meeting_id", meetingId), ("@well", Normalise(wentWell)), ("@less", Normalise(wentLess)), ("@source", source),
            ("@key", (object?)editKeyHash ?? DBNull.Value), ("@now", now));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Every reflection of a project with its group and meeting, oldest meeting first, in one query (for the
    /// export). Authors are left out for anonymous groups, as in every other read.
    /// </summary>
    public async Task<IReadOnlyList<ReflectionRow>> ListForProjectAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var rows = new List<ReflectionRow>();
        await using var command = connection.Command(transaction, $"""
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
            """, ("@id", projectId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var anonymous = reader.GetFlag(13);
            rows.Add(new ReflectionRow(reader.GetString(14), reader.GetDate(15), reader.GetString(16), ReadReflection(reader, anonymous)));
        }

        return rows;
    }

    internal static async Task<IReadOnlyList<Reflection>> ReadReflectionsAsync(SqliteConnection connection, SqliteTransaction transaction, long meetingId, bool anonymous, CancellationToken cancellationToken)
    {
        var reflections = new List<Reflection>();
        await using var command = connection.Command(transaction, $"""
            {ReflectionSelect}
            {ReflectionFrom}
            WHERE r.meeting_id = @id
            ORDER BY r.id;
            """, ("@id", meetingId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reflections.Add(ReadReflection(reader, anonymous));
        }

        // An anonymous list keeps no trace of the order in which people answered or of member ids.
        return anonymous ? [.. reflections.OrderBy(r => r.WentWell, StringComparer.Ordinal).ThenBy(r => r.WentLess, StringComparer.Ordinal)] : reflections;
    }

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

    private static Reflection ReadReflection(SqliteDataReader reader, bool anonymous) => new()
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

    internal static async Task<long> UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, long meetingId, ReflectionInput input, string source, string? editKeyHash, string now, CancellationToken cancellationToken)
    {
        var conflict = input.MemberId is not null ? "(meeting_id, member_id)" : "(meeting_id, guest_id)";
        await using var command = connection.Command(transaction, $"""
            INSERT INTO reflections (meeting_id, member_id, guest_id, went_well, went_less, source, edit_key_hash, created_at, updated_at)
            VALUES (@meeting_id, @member_id, @guest_id, @well, @less, @source, @key, @now, @now)
            ON CONFLICT {conflict} DO UPDATE SET went_well = excluded.went_well, went_less = excluded.went_less,
                source = excluded.source, edit_key_hash = coalesce(excluded.edit_key_hash, reflections.edit_key_hash), updated_at = excluded.updated_at
            RETURNING id;
            """, ("@meeting_id", meetingId), ("@member_id", (object?)input.MemberId ?? DBNull.Value), ("@guest_id", (object?)input.GuestId ?? DBNull.Value),
            ("@well", Normalise(input.WentWell)), ("@less", Normalise(input.WentLess)), ("@source", source), ("@key", (object?)editKeyHash ?? DBNull.Value), ("@now", now));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<ReflectionLinkContext> OpenLinkAsync(SqliteConnection connection, SqliteTransaction transaction, string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            throw new ReflectionLinkException("Deze reflectielink bestaat niet. Vraag de secretaris om de juiste link.");
        }

        long meetingId;
        DateTimeOffset expires;
        await using (var command = connection.Command(transaction, """
            SELECT meeting_id, expires_at, revoked FROM reflection_links WHERE token_hash = @hash;
            """, ("@hash", Hash(token))))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new ReflectionLinkException("Deze reflectielink bestaat niet. Vraag de secretaris om de juiste link.");
            }

            meetingId = reader.GetInt64(0);
            expires = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            if (reader.GetFlag(2))
            {
                throw new ReflectionLinkException("Deze reflectielink is ingetrokken. Vraag de secretaris om een nieuwe link.");
            }
        }

        if (_time.GetUtcNow() >= expires)
        {
            throw new ReflectionLinkException("Deze reflectielink is verlopen. Vraag de secretaris om een nieuwe link.");
        }

        long projectId;
        await using (var command = connection.Command(transaction, "SELECT g.project_id FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE m.id = @id;", ("@id", meetingId)))
        {
            projectId = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var meeting = (await MeetingStore.FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken))!;
        ThrowIfNotHeld(meeting);
        var group = (await MeetingStore.FindGroupInfoAsync(connection, transaction, projectId, meeting.GroupId, cancellationToken))!;
        var members = await MeetingStore.ReadMembersAsync(connection, transaction, group.Id, cancellationToken);
        var attendance = new Dictionary<long, string>();
        await using (var command = connection.Command(transaction, "SELECT member_id, status FROM meeting_attendance WHERE meeting_id = @id;", ("@id", meetingId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                attendance[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        var respondents = members
            .Where(m => attendance.Count == 0 ? m.IsActiveOn(meeting.HeldOn) : attendance.GetValueOrDefault(m.Id) == "aanwezig")
            .Select(m => new AttendanceEntry(m.Id, m.RoleLabel, m.Organisation, attendance.Count == 0 ? null : AttendanceStatus.Aanwezig))
            .ToList();
        return new ReflectionLinkContext
        {
            ProjectId = projectId,
            MeetingId = meetingId,
            MeetingTitle = meeting.Title,
            HeldOn = meeting.HeldOn,
            GroupName = group.Name,
            Anonymous = group.ReflectionsAnonymous,
            ExpiresAt = expires,
            Respondents = respondents,
        };
    }

    private static async Task<long?> FindMeetingOfReflectionAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, long reflectionId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, """
            SELECT r.meeting_id FROM reflections r JOIN meetings m ON m.id = r.meeting_id JOIN project_groups g ON g.id = m.group_id
            WHERE r.id = @id AND g.project_id = @project_id;
            """, ("@id", reflectionId), ("@project_id", projectId));
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private static void ThrowIfNotHeld(MeetingRecord meeting)
    {
        if (meeting.Status != MeetingStatus.Gehouden)
        {
            throw new ValidationException([new ValidationError("meetingId", "Reflecties horen bij een gehouden bijeenkomst. Zet de bijeenkomst eerst op 'gehouden'.")]);
        }
    }

    private static void CheckTexts(string wentWell, string wentLess)
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

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
