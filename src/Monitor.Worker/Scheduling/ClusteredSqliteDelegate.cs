using System.Data.Common;
using Quartz.Impl.AdoJobStore;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Quartz's SQL for SQLite (its <see cref="SQLiteDelegate"/>: LIMIT/OFFSET paging, a trailing LIMIT), as a delegate
/// Quartz does not recognise as SQLite, so that the job store can run clustered on the one database file.
/// </summary>
/// <remarks>
/// Quartz refuses clustering with its SQLite delegate because its SQLite lock is an in-process semaphore, which
/// does not keep two processes apart. Here the lock is the database's own: the store's transactions are Serializable,
/// which Microsoft.Data.Sqlite begins as BEGIN IMMEDIATE, so every scheduler transaction holds SQLite's single write
/// lock from its first statement to its commit, across processes (web app and worker) and across connections in one
/// process alike; a second instance waits (busy timeout) and then reads what the first committed. The row lock
/// statement the clustered store runs on QRTZ_LOCKS is a plain SELECT (<see cref="LockStatement"/>), as SQLite has no
/// SELECT ... FOR UPDATE and needs none inside such a transaction. The paging members are copied from Quartz 4.7.3's
/// <see cref="SQLiteDelegate"/>.
/// </remarks>
internal sealed class ClusteredSqliteDelegate : StdAdoDelegate
{
    /// <summary>The lock statement of the clustered store on SQLite (Quartz's default adds FOR UPDATE).</summary>
    public const string LockStatement = "SELECT * FROM {0}LOCKS WHERE SCHED_NAME = @schedulerName AND LOCK_NAME = @lockName";

    protected override string ApplyPaging(string sql, bool takeLimited) =>
        takeLimited ? sql + " LIMIT @pageTake OFFSET @pageSkip" : sql + " LIMIT -1 OFFSET @pageSkip";

    protected override void AddPagingParameters(DbCommand cmd, int skip, int take, bool takeLimited)
    {
        if (takeLimited)
        {
            AddCommandParameter(cmd, "pageTake", take);
        }

        AddCommandParameter(cmd, "pageSkip", skip);
    }

    protected override SqlRowLimit GetRowLimit(int count) => SqlRowLimit.AtStatementEnd("LIMIT", count);
}
