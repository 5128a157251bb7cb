using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// The per-meeting links with which members answer the closing question without an account. Only the hash of a link's
/// token is stored; a link can only add (and, from the same browser, change) an answer to that one held meeting.
/// </summary>
public sealed class ReflectionLinkStore
{
    public static readonly TimeSpan DefaultLinkValidity = TimeSpan.FromDays(14);
    public static readonly TimeSpan MaxLinkValidity = TimeSpan.FromDays(60);

    private readonly MonitorDatabase _database;
    private readonly MeetingWrites _writes;
    private readonly TimeProvider _time;

    public ReflectionLinkStore(MonitorDatabase database, MeetingWrites writes, TimeProvider time)
    {
        _database = database;
        _writes = writes;
        _time = time;
    }

    /// <summary>Makes a link with which the members of a held meeting answer the closing question. Null when the meeting is not in this project.</summary>
    public async Task<ReflectionLink?> CreateLinkAsync(long projectId, long meetingId, TimeSpan validFor, Actor actor, CancellationToken cancellationToken = default)
    {
        if (validFor <= TimeSpan.Zero || validFor > MaxLinkValidity)
        {
            throw new ValidationException([new ValidationError("validDays", $"Een link is 1 tot {MaxLinkValidity.TotalDays:0} dagen geldig.")]);
        }

        var token = SecretTokens.New("r_", 24);
        var expires = _time.GetUtcNow() + validFor;
        var (found, _) = await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            MeetingStatusRules.ThrowIfNotHeld(change.Meeting);
            var id = await change.Connection.InsertAsync(change.Transaction, """
                INSERT INTO reflection_links (meeting_id, token_hash, expires_at, created_at, created_by)
                VALUES (@meeting_id, @hash, @expires, @now, @by) RETURNING id;
                """, cancellationToken, ("@meeting_id", meetingId), ("@hash", ReflectionStore.Hash(token)), ("@expires", expires.ToString("O", CultureInfo.InvariantCulture)),
                ("@now", Now()), ("@by", actor.Name));
            return (id, (AuditChange?)AuditChange.Created("reflectionLink", id, projectId, new Dictionary<string, string?>
            {
                ["meeting"] = meetingId.ToString(CultureInfo.InvariantCulture),
                ["expiresAt"] = expires.ToString("O", CultureInfo.InvariantCulture),
            }));
        }, cancellationToken);
        return found ? new ReflectionLink(token, expires) : null;
    }

    /// <summary>Revokes every link of a meeting; false when the meeting is not in this project.</summary>
    public async Task<bool> RevokeLinksAsync(long projectId, long meetingId, Actor actor, CancellationToken cancellationToken = default) =>
        (await _writes.RunAsync(projectId, meetingId, actor, async change =>
        {
            await change.Connection.ExecuteAsync(change.Transaction, "UPDATE reflection_links SET revoked = 1 WHERE meeting_id = @id;", cancellationToken, ("@id", meetingId));
            return (true, (AuditChange?)AuditChange.Updated("meeting", meetingId, projectId,
                new Dictionary<string, string?> { ["reflectionLinks"] = "actief" }, new Dictionary<string, string?> { ["reflectionLinks"] = "ingetrokken" }));
        }, cancellationToken)).Found;

    /// <summary>The meeting behind a link.</summary>
    /// <exception cref="ReflectionLinkException">The link is unknown, revoked or expired.</exception>
    public async Task<ReflectionLinkContext> OpenLinkAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginRead();
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
        await using var transaction = connection.BeginRead();
        var context = await OpenLinkAsync(connection, transaction, token, cancellationToken);
        if (!context.Anonymous && memberId is null)
        {
            return null;
        }

        return await connection.QueryFirstAsync(transaction, """
            SELECT id, went_well, went_less FROM reflections
            WHERE meeting_id = @meeting_id AND edit_key_hash = @key AND (anonymous = 1 OR member_id = @member_id);
            """, r => new Reflection
            {
                Id = r.GetInt64(0),
                MeetingId = context.MeetingId,
                MemberId = context.Anonymous ? null : memberId,
                GuestId = null,
                AuthorLabel = null,
                WentWell = r.GetString(1),
                WentLess = r.GetString(2),
                Source = "link",
                FollowUp = null,
            }, cancellationToken, ("@meeting_id", context.MeetingId), ("@member_id", memberId), ("@key", ReflectionStore.Hash(editKey)));
    }

    /// <summary>
    /// Saves an answer given through a link. In a group with names the member may change their answer only with the
    /// edit key they got then (kept in their browser), so nobody can overwrite someone else's answer. In an anonymous
    /// group nothing identifying is asked: a new answer is added, and the key changes only that one. Returns the key.
    /// </summary>
    /// <exception cref="ReflectionLinkException">The link is unknown, revoked or expired.</exception>
    public async Task<LinkAnswerResult> AnswerThroughLinkAsync(string token, long? memberId, string wentWell, string wentLess, string? editKey, CancellationToken cancellationToken = default)
    {
        ReflectionStore.CheckTexts(wentWell, wentLess);
        ReflectionLinkContext context;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        await using (var transaction = connection.BeginRead())
        {
            context = await OpenLinkAsync(connection, transaction, token, cancellationToken);
        }

        var respondent = context.Anonymous ? null
            : context.Respondents.FirstOrDefault(r => r.MemberId == memberId)
              ?? throw new ValidationException([new ValidationError("memberId", "Kies je naam of rol uit de lijst van aanwezigen.")]);
        // The audit names the respondent only by "via link" in an anonymous group: the audit log is a page too.
        var actor = new Actor(null, respondent is null ? "Deelnemer via reflectielink" : $"{respondent.RoleLabel} via reflectielink");
        var (_, result) = await _writes.RunAsync(context.ProjectId, context.MeetingId, actor, async change =>
        {
            var (connection, transaction, meeting) = change;
            MeetingStatusRules.ThrowIfNotHeld(meeting);
            var answer = respondent is null
                ? await AnswerAnonymouslyAsync(connection, transaction, context.MeetingId, wentWell, wentLess, editKey, cancellationToken)
                : await AnswerAsMemberAsync(connection, transaction, context.MeetingId, respondent.MemberId, wentWell, wentLess, editKey, cancellationToken);
            return (answer, (AuditChange?)AuditChange.Created("reflection", answer.ReflectionId, context.ProjectId, new Dictionary<string, string?>
            {
                ["meeting"] = context.MeetingId.ToString(CultureInfo.InvariantCulture),
                ["source"] = "link",
            }));
        }, cancellationToken);
        return result;
    }

    private async Task<LinkAnswerResult> AnswerAsMemberAsync(DbConnection connection, DbTransaction transaction, long meetingId, long memberId,
        string wentWell, string wentLess, string? editKey, CancellationToken cancellationToken)
    {
        var existing = await connection.QueryFirstAsync(transaction, "SELECT edit_key_hash FROM reflections WHERE meeting_id = @meeting_id AND member_id = @member_id;",
            r => new Existing(r.GetStringOrNull(0)), cancellationToken, ("@meeting_id", meetingId), ("@member_id", memberId));
        if (existing is not null && (editKey is null || existing.KeyHash is null || !string.Equals(existing.KeyHash, ReflectionStore.Hash(editKey), StringComparison.Ordinal)))
        {
            throw new ValidationException([new ValidationError("memberId", "Voor deze deelnemer is al een antwoord gegeven. Wijzigen kan alleen vanaf het apparaat waarmee het gegeven is, of via de secretaris.")]);
        }

        var key = existing is not null ? editKey! : NewKey();
        var input = new ReflectionInput { MemberId = memberId, WentWell = wentWell, WentLess = wentLess };
        var id = await ReflectionStore.UpsertAsync(connection, transaction, meetingId, input, "link", ReflectionStore.Hash(key), Now(), cancellationToken);
        return new LinkAnswerResult(id, key);
    }

    // An anonymous group's link asks nothing that identifies: a new answer gets a fresh edit key (kept in the
    // browser); with that key the same browser changes its own answer. Nobody can block or overwrite another's answer.
    private async Task<LinkAnswerResult> AnswerAnonymouslyAsync(DbConnection connection, DbTransaction transaction, long meetingId,
        string wentWell, string wentLess, string? editKey, CancellationToken cancellationToken)
    {
        var existing = string.IsNullOrEmpty(editKey) ? null : await connection.ScalarLongAsync(transaction,
            "SELECT id FROM reflections WHERE meeting_id = @meeting_id AND anonymous = 1 AND edit_key_hash = @key;", cancellationToken,
            ("@meeting_id", meetingId), ("@key", ReflectionStore.Hash(editKey)));
        if (existing is { } found)
        {
            await connection.ExecuteAsync(transaction, "UPDATE reflections SET went_well = @well, went_less = @less, updated_at = @now WHERE id = @id;", cancellationToken,
                ("@well", ReflectionStore.Normalise(wentWell)), ("@less", ReflectionStore.Normalise(wentLess)), ("@now", Now()), ("@id", found));
            return new LinkAnswerResult(found, editKey!);
        }

        var key = NewKey();
        var id = await ReflectionStore.InsertAnonymousAsync(connection, transaction, meetingId, wentWell, wentLess, "link", ReflectionStore.Hash(key), Now(), cancellationToken);
        return new LinkAnswerResult(id, key);
    }

    private async Task<ReflectionLinkContext> OpenLinkAsync(DbConnection connection, DbTransaction transaction, string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            throw new ReflectionLinkException("Deze reflectielink bestaat niet. Vraag de secretaris om de juiste link.");
        }

        var link = await connection.QueryFirstAsync(transaction, """
            SELECT l.meeting_id, l.expires_at, l.revoked, g.project_id FROM reflection_links l
            JOIN meetings m ON m.id = l.meeting_id JOIN project_groups g ON g.id = m.group_id
            WHERE l.token_hash = @hash;
            """, r => new Link(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetFlag(2), r.GetInt64(3)),
            cancellationToken, ("@hash", ReflectionStore.Hash(token)))
            ?? throw new ReflectionLinkException("Deze reflectielink bestaat niet. Vraag de secretaris om de juiste link.");
        if (link.Revoked)
        {
            throw new ReflectionLinkException("Deze reflectielink is ingetrokken. Vraag de secretaris om een nieuwe link.");
        }

        if (_time.GetUtcNow() >= link.ExpiresAt)
        {
            throw new ReflectionLinkException("Deze reflectielink is verlopen. Vraag de secretaris om een nieuwe link.");
        }

        var meeting = (await MeetingStore.FindMeetingRecordAsync(connection, transaction, link.ProjectId, link.MeetingId, cancellationToken))!;
        MeetingStatusRules.ThrowIfNotHeld(meeting);
        var group = (await GroupStore.FindGroupInfoAsync(connection, transaction, link.ProjectId, meeting.GroupId, cancellationToken))!;
        var members = await GroupStore.ReadMembersAsync(connection, transaction, group.Id, cancellationToken);
        var attendance = (await connection.QueryAsync(transaction, "SELECT member_id, status FROM meeting_attendance WHERE meeting_id = @id;",
            r => (Member: r.GetInt64(0), Status: r.GetString(1)), cancellationToken, ("@id", link.MeetingId))).ToDictionary(a => a.Member, a => a.Status);
        var respondents = members
            .Where(m => attendance.Count == 0 ? m.IsActiveOn(meeting.HeldOn) : attendance.GetValueOrDefault(m.Id) == "aanwezig")
            .Select(m => new AttendanceEntry(m.Id, m.RoleLabel, m.Organisation, attendance.Count == 0 ? null : AttendanceStatus.Aanwezig))
            .ToList();
        return new ReflectionLinkContext
        {
            ProjectId = link.ProjectId,
            MeetingId = link.MeetingId,
            MeetingTitle = meeting.Title,
            HeldOn = meeting.HeldOn,
            GroupName = group.Name,
            Anonymous = group.ReflectionsAnonymous,
            ExpiresAt = link.ExpiresAt,
            Respondents = respondents,
        };
    }

    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private sealed record Link(long MeetingId, DateTimeOffset ExpiresAt, bool Revoked, long ProjectId);

    private sealed record Existing(string? KeyHash);
}
