using System.Data.Common;
using System.Globalization;
using Monitor.Core.Data;

namespace Monitor.Core.Notifications;

/// <summary>The inbox per person, and the history of job runs.</summary>
public sealed class NotificationStore
{
    private readonly MonitorDatabase _database;
    private readonly TimeProvider _time;

    public NotificationStore(MonitorDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Adds a notification unless this person already got one with the same key; true when added.</summary>
    public async Task<bool> AddAsync(long userId, long? projectId, string title, string body, string link, string dedupeKey, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO notifications (user_id, project_id, title, body, link, dedupe_key, created_at)
            VALUES (@user_id, @project_id, @title, @body, @link, @dedupe_key, @created_at)
            ON CONFLICT (user_id, dedupe_key) DO NOTHING;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(null, sql, cancellationToken, ("@user_id", userId), ("@project_id", projectId),
            ("@title", title.Length > 200 ? title[..199] + "…" : title), ("@body", body.Length > 4000 ? body[..3999] + "…" : body), ("@link", link),
            ("@dedupe_key", dedupeKey), ("@created_at", Now())) == 1;
    }

    public async Task<IReadOnlyList<Notification>> ListAsync(long userId, int limit = 200, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT id, project_id, title, body, link, created_at, read_at FROM notifications
            WHERE user_id = @user_id ORDER BY read_at IS NOT NULL, created_at DESC, id DESC LIMIT @limit;
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, sql, ReadNotification, cancellationToken, ("@user_id", userId), ("@limit", limit));
    }

    public async Task<int> CountUnreadAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return Convert.ToInt32(await connection.ScalarAsync(null, "SELECT count(*) FROM notifications WHERE user_id = @user_id AND read_at IS NULL;", cancellationToken,
            ("@user_id", userId)), CultureInfo.InvariantCulture);
    }

    public async Task MarkAllReadAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(null, "UPDATE notifications SET read_at = @now WHERE user_id = @user_id AND read_at IS NULL;", cancellationToken,
            ("@now", Now()), ("@user_id", userId));
    }

    /// <summary>Records the start of a run: the job, the fire time it serves (null when unknown) and the process running it.</summary>
    public async Task<long> StartRunAsync(string job, DateTimeOffset? scheduledFor = null, string runner = "", CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.InsertAsync(null, "INSERT INTO job_runs (job, started_at, scheduled_for, runner) VALUES (@job, @now, @scheduled, @runner) RETURNING id;", cancellationToken,
            ("@job", job), ("@now", Now()), ("@scheduled", scheduledFor?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            ("@runner", runner.Length > 200 ? runner[..200] : runner));
    }

    public async Task FinishRunAsync(long runId, bool succeeded, string message, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(null, "UPDATE job_runs SET finished_at = @now, outcome = @outcome, message = @message WHERE id = @id;", cancellationToken,
            ("@now", Now()), ("@outcome", succeeded ? "gelukt" : "mislukt"), ("@message", message.Length > 4000 ? message[..4000] : message), ("@id", runId));
    }

    /// <summary>The latest runs, newest first (for the job history page).</summary>
    public async Task<IReadOnlyList<JobRun>> ListRunsAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(null, "SELECT id, job, started_at, finished_at, outcome, message FROM job_runs ORDER BY id DESC LIMIT @limit;", ReadRun, cancellationToken,
            ("@limit", limit));
    }

    private static Notification ReadNotification(DbDataReader reader) => new(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2),
        reader.GetString(3), reader.GetString(4), Parse(reader.GetString(5)), reader.IsDBNull(6) ? null : Parse(reader.GetString(6)));

    private static JobRun ReadRun(DbDataReader reader) => new(reader.GetInt64(0), reader.GetString(1), Parse(reader.GetString(2)),
        reader.IsDBNull(3) ? null : Parse(reader.GetString(3)), reader.GetString(4), reader.GetString(5));

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
