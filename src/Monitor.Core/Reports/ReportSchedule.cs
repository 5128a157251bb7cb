using System.Data.Common;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Quartz;

namespace Monitor.Core.Reports;

/// <summary>A project's own schedule of the monthly progress report; nulls mean the worker's default.</summary>
public sealed record ReportScheduleSetting(string? Cron, string? TimeZone);

/// <summary>
/// Per-project schedules of the monthly progress report: a Quartz cron expression and an IANA time zone, checked
/// when saved (Dutch message naming the setting and the reason), stored on the project.
/// </summary>
public sealed class ReportSchedule
{
    public const string DefaultTimeZone = "Europe/Amsterdam";
    private readonly MonitorDatabase _database;
    private readonly AuditStore _audit;

    public ReportSchedule(MonitorDatabase database, AuditStore audit)
    {
        _database = database;
        _audit = audit;
    }

    /// <summary>The reasons a cron expression or time zone cannot be used (empty when fine).</summary>
    public static IReadOnlyList<ValidationError> Check(string? cron, string? timeZone)
    {
        var errors = new List<ValidationError>();
        if (cron is not null)
        {
            try
            {
                _ = CronExpression.Parse(cron);
            }
            catch (FormatException ex)
            {
                errors.Add(new ValidationError("cron", $"'{cron}' is geen geldige Quartz-cronexpressie ({ex.Message}). Voorbeeld: \"0 0 7 1W * ?\" = eerste werkdag van de maand om 07:00."));
            }
        }

        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add(new ValidationError("timeZone", $"'{timeZone}' is geen bekende tijdzone; gebruik een IANA-naam zoals Europe/Amsterdam."));
        }

        return errors;
    }

    /// <summary>The most recent moment at or before <paramref name="now"/> the schedule fires (searching back 62 days), or null.</summary>
    public static DateTimeOffset? LastFireAtOrBefore(string cron, string timeZone, DateTimeOffset now)
    {
        var expression = new CronExpression(cron, TimeZoneInfo.FindSystemTimeZoneById(timeZone));
        DateTimeOffset? last = null;
        var cursor = now.AddDays(-62);
        for (var i = 0; i < 10_000 && expression.GetNextValidTimeAfter(cursor) is { } next && next <= now; i++)
        {
            last = next;
            cursor = next;
        }

        return last;
    }

    public async Task<ReportScheduleSetting?> FindAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, projectId, cancellationToken);
    }

    private static async Task<ReportScheduleSetting?> FindAsync(DbConnection connection, DbTransaction? transaction, long projectId, CancellationToken cancellationToken) =>
        await connection.QueryFirstAsync(transaction, "SELECT report_cron, report_time_zone FROM projects WHERE id = @id;",
            reader => new ReportScheduleSetting(reader.GetStringOrNull(0), reader.GetStringOrNull(1)), cancellationToken, ("@id", projectId));

    /// <summary>Saves a project's schedule after checking it; empty values go back to the default. False when the project does not exist.</summary>
    public async Task<bool> SaveAsync(long projectId, ReportScheduleSetting setting, Actor actor, CancellationToken cancellationToken = default)
    {
        var cron = string.IsNullOrWhiteSpace(setting.Cron) ? null : setting.Cron.Trim();
        var zone = string.IsNullOrWhiteSpace(setting.TimeZone) ? null : setting.TimeZone.Trim();
        var errors = Check(cron, zone);
        if (cron is { Length: > 120 } || zone is { Length: > 64 })
        {
            errors = [.. errors, new ValidationError("cron", "Een schema heeft hoogstens 120 tekens, een tijdzone hoogstens 64.")];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var before = await FindAsync(connection, transaction, projectId, cancellationToken);
        if (before is null)
        {
            return false;
        }

        await connection.ExecuteAsync(transaction, "UPDATE projects SET report_cron = @cron, report_time_zone = @zone WHERE id = @id;", cancellationToken,
            ("@id", projectId), ("@cron", cron), ("@zone", zone));

        await _audit.RecordAsync(connection, transaction, actor, AuditChange.Updated("project", projectId, projectId,
            new Dictionary<string, string?> { ["reportCron"] = before.Cron, ["reportTimeZone"] = before.TimeZone },
            new Dictionary<string, string?> { ["reportCron"] = cron, ["reportTimeZone"] = zone }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
