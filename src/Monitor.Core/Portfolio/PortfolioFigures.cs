using System.Data.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Portfolio;

/// <summary>
/// Keeps the stored dashboard figures (table project_figures) honest: every write that can change what
/// <see cref="PortfolioService"/> shows for a project — plan activities, phase decisions, meetings and their action
/// items, coding documents, versions and codings, reach counts — calls one of these inside its own transaction, which
/// drops the project's stored row. The next dashboard read of today computes it again from the live queries. A
/// dropped row costs one project's live figures; a forgotten call would show stale figures, which
/// PortfolioFiguresTests look for store by store.
/// </summary>
internal static class PortfolioFigures
{
    public static async Task ProjectChangedAsync(DbConnection connection, DbTransaction transaction, long projectId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(transaction, "DELETE FROM project_figures WHERE project_id = @project_id;", cancellationToken, ("@project_id", projectId));

    public static async Task MeetingChangedAsync(DbConnection connection, DbTransaction transaction, long meetingId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(transaction, """
            DELETE FROM project_figures
            WHERE project_id IN (SELECT g.project_id FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE m.id = @meeting_id);
            """, cancellationToken, ("@meeting_id", meetingId));

    /// <summary>For changes that reach across projects (a code merged or deleted with its codings).</summary>
    public static async Task AllChangedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(transaction, "DELETE FROM project_figures;", cancellationToken);
}
