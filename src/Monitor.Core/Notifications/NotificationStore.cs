using System.Globalization;
using Microsoft.Data.Sqlite;
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
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@user_id", userId);
        command.Parameters.AddWithValue("@project_id", projectId is { } p ? p : DBNull.Value);
        command.Parameters.AddWithValue("@title", title.Length > 200 ? title[..199] + "…" : title);
        command.Parameters.AddWithValue("@body", body.Length > 4000 ? body[..3999] + "…" : body);
        command.Parameters.AddWithValue("@link", link);
        command.Parameters.AddWithValue("@dedupe_key", dedupeKey);
        command.Parameters.AddWithValue("@created_at", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<Notification>> ListAsync(long userId, int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, project_id, title, body, link, created_at, read_at FROM notifications
            WHERE user_id = @user_id ORDER BY read_at IS NOT NULL, created_at DESC, id DESC LIMIT @limit;
            """;
        command.Parameters.AddWithValue("@user_id", userId);
        command.Parameters.AddWithValue("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Notification>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Notification(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Parse(reader.GetString(5)), reader.IsDBNull(6) ? null : Parse(reader.GetString(6))));
        }

        return list;
    }

    public async Task<int> CountUnreadAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM notifications WHERE user_id = @user_id AND read_at IS NULL;";
        command.Parameters.AddWithValue("@user_id", userId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task MarkAllReadAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE notifications SET read_at = @now WHERE user_id = @user_id AND read_at IS NULL;";
        command.Parameters.AddWithValue("@now", Now());
        command.Parameters.AddWithValue("@user_id", userId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records the start of a run: the job, the fire time it serves (null when unknown) and the process running it.</summary>
    public async Task<long> StartRunAsync(string job, DateTimeOffset? scheduledFor = null, string runner = "", CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO job_runs (job, started_at, scheduled_for, runner) VALUES (@job, @now, @scheduled, @runner) RETURNING id;";
        command.Parameters.AddWithValue("@job", job);
        command.Parameters.AddWithValue("@now", Now());
        command.Parameters.AddWithValue("@scheduled", scheduledFor is { } at ? at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        command.Parameters.AddWithValue("@runner", runner.Length > 200 ? runner[..200] : runner);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task FinishRunAsync(long runId, bool succeeded, string message, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE job_runs SET finished_at = @now, outcome = @outcome, message = @message WHERE id = @id;";
        command.Parameters.AddWithValue("@now", Now());
        command.Parameters.AddWithValue("@outcome", succeeded ? "gelukt" : "mislukt");
        command.Parameters.AddWithValue("@message", message.Length > 4000 ? message[..4000] : message);
        command.Parameters.AddWithValue("@id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest runs, newest first (for the job history page).</summary>
    public async Task<IReadOnlyList<JobRun>> ListRunsAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, job, started_at, finished_at, outcome, message FROM job_runs ORDER BY id DESC LIMIT @limit;";
        command.Parameters.AddWithValue("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<JobRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }

        return runs;
    }

    private static JobRun ReadRun(SqliteDataReader reader) => new(reader.GetInt64(0), reader.GetString(1), Parse(reader.GetString(2)),
        reader.IsDBNull(3) ? null : Parse(reader.GetString(3)), reader.GetString(4), reader.GetString(5));

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
