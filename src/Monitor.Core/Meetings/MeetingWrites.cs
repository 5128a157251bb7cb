using System.Data.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Meetings;

/// <summary>
/// The one path every write to a meeting or one of its parts takes (details, minutes, attendance, agenda, decisions,
/// guests, action items, reflections and their follow-up): one transaction, the meeting checked to belong to the
/// project, the change, the search index rewritten for that meeting, the audit entry, commit. So search can never lag
/// behind a change (a renamed meeting is found under its new title at once) and every change is in the audit trail.
/// </summary>
public sealed class MeetingWrites
{
    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;

    public MeetingWrites(MonitorDatabase database, AuditStore audit)
    {
        _database = database;
        _audit = audit;
    }

    /// <summary>
    /// Runs <paramref name="change"/> on a meeting of the project. Returns Found = false (and writes nothing) when the
    /// meeting is not in the project. The change returns its result and the audit entry to record (or null for none).
    /// </summary>
    public async Task<(bool Found, T Result)> RunAsync<T>(long projectId, long meetingId, Actor actor,
        Func<MeetingChange, Task<(T Result, AuditChange? Audit)>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var meeting = await MeetingStore.FindMeetingRecordAsync(connection, transaction, projectId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return (false, default!);
        }

        var (result, audit) = await change(new MeetingChange(connection, transaction, meeting));
        await FinishAsync(connection, transaction, meetingId, actor, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (true, result);
    }

    /// <summary>The end of every meeting write inside an open transaction: search index and portfolio figures in step, audit entry recorded.</summary>
    internal async Task FinishAsync(DbConnection connection, DbTransaction transaction, long meetingId, Actor actor, AuditChange? audit, CancellationToken cancellationToken)
    {
        await MeetingSearchIndex.ReindexAsync(connection, transaction, meetingId, cancellationToken);
        await Portfolio.PortfolioFigures.MeetingChangedAsync(connection, transaction, meetingId, cancellationToken);
        if (audit is not null)
        {
            await _audit.RecordAsync(connection, transaction, actor, audit, cancellationToken);
        }
    }
}
