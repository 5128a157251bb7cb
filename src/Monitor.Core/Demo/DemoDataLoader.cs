using System.Data.Common;
using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;
using Monitor.Core.Planning;
using Monitor.Core.Projects;

namespace Monitor.Core.Demo;

/// <summary>
/// Loads the two seed projects (Samen Beslissen, Keuzehulp) from the embedded Demo/demo-projects.json.
/// Later issues extend that one file with plans, minutes, reflections, codings and findings.
/// </summary>
public sealed class DemoDataLoader
{
    private const string LoadedMarker = "demo_loaded_at";
    private const string ResourceName = "Monitor.Core.Demo.demo-projects.json";
    private const string PlansResourceName = "Monitor.Core.Demo.demo-plans.json";

    private static readonly JsonSerializerOptions _jsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private readonly MonitorDatabase _database;
    private readonly ProjectStore _projects;
    private readonly PlanStore _plans;
    private readonly PlanVersionStore _versions;
    private readonly TimeProvider _time;
    private readonly ILogger<DemoDataLoader> _logger;

    public DemoDataLoader(MonitorDatabase database, ProjectStore projects, PlanStore plans, PlanVersionStore versions, TimeProvider time, ILogger<DemoDataLoader> logger)
    {
        _versions = versions;
        _database = database;
        _projects = projects;
        _plans = plans;
        _time = time;
        _logger = logger;
    }

    /// <summary>The demo projects as drafts, read from the embedded JSON.</summary>
    public static IReadOnlyList<ProjectDraft> ReadDemoProjects()
    {
        using var stream = typeof(DemoDataLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var set = JsonSerializer.Deserialize<DemoDataSet>(stream, _jsonOptions)
            ?? throw new InvalidOperationException("The demo data file is empty.");
        return set.Projects;
    }

    /// <summary>The demo implementation plans (goals and activities) per project slug.</summary>
    public static IReadOnlyList<DemoPlan> ReadDemoPlans()
    {
        using var stream = typeof(DemoDataLoader).Assembly.GetManifestResourceStream(PlansResourceName);
        if (stream is null)
        {
            return [];
        }

        return (JsonSerializer.Deserialize<DemoPlanSet>(stream, _jsonOptions) ?? throw new InvalidOperationException("The demo plan file is empty.")).Plans;
    }

    /// <summary>
    /// Loads the demo projects when the database has never had them and has no projects of its own.
    /// Returns true when it loaded them. Runs under a write lock, so the web app and the worker
    /// starting together load them once.
    /// </summary>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        var drafts = ReadDemoProjects();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await GetMarkerAsync(connection, transaction, cancellationToken) is not null
            || await CountProjectsAsync(connection, transaction, cancellationToken) > 0)
        {
            return false;
        }

        await InsertAllAsync(connection, transaction, drafts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _logger.LogInformation("Demo data loaded: {Count} projects", drafts.Count);
        return true;
    }

    /// <summary>Deletes the demo projects (never other projects) and loads them again, in one transaction.</summary>
    public async Task<int> ResetAsync(CancellationToken cancellationToken = default)
    {
        var drafts = ReadDemoProjects();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var removed = await ProjectStore.DeleteDemoProjectsAsync(connection, transaction, cancellationToken);
        await InsertAllAsync(connection, transaction, drafts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _logger.LogInformation("Demo data reset: {Removed} demo projects removed, {Count} loaded", removed, drafts.Count);
        return drafts.Count;
    }

    private async Task InsertAllAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ProjectDraft> drafts, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var draft in drafts)
        {
            ids[draft.Slug] = await _projects.InsertAsync(connection, transaction, draft, isDemo: true, Actor.System, cancellationToken);
        }

        foreach (var plan in ReadDemoPlans())
        {
            if (!ids.TryGetValue(plan.Slug, out var projectId))
            {
                throw new InvalidOperationException($"The demo plan names project '{plan.Slug}', which is not in the demo projects.");
            }

            await _plans.AddAllAsync(connection, transaction, projectId, plan.Activities, plan.Goals, Actor.System, cancellationToken);
            foreach (var decision in plan.PhaseDecisions)
            {
                await PlanStore.InsertTransitionAsync(connection, transaction, projectId, decision.FromPhase, decision.ToPhase, decision.DecidedOn, decision.Note, Actor.System.Name, cancellationToken);
            }
        }

        await DemoMeetingLoader.LoadAsync(connection, transaction, ids, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), cancellationToken);

        foreach (var plan in ReadDemoPlans().Where(p => p.Versions.Count > 0))
        {
            await InsertVersionsAsync(connection, transaction, ids[plan.Slug], plan.Versions, cancellationToken);
        }

        await connection.ExecuteAsync(transaction, """
            INSERT INTO app_settings (key, value) VALUES (@key, @value)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
            """, cancellationToken, ("@key", LoadedMarker), ("@value", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
    }

    /// <summary>The plan's version history as the seed tells it, each version made from the plan as loaded (see <see cref="DemoPlanVersion"/>).</summary>
    private async Task InsertVersionsAsync(DbConnection connection, DbTransaction transaction, long projectId, IReadOnlyList<DemoPlanVersion> versions, CancellationToken cancellationToken)
    {
        var plan = (await PlanStore.ReadPlanAsync(connection, transaction, projectId, cancellationToken))!;
        foreach (var version in versions)
        {
            bool Starts(string title, string prefix) => title.StartsWith(prefix, StringComparison.Ordinal);
            var activities = plan.Activities.Where(a => !version.Without.Any(w => Starts(a.Fields.Title, w)))
                .Select(a => new PlanSnapshotActivity(a.Id, a.Key, a.Fields with
                {
                    // then, everything was still to be done
                    Status = ActivityStatus.Gepland,
                    StartedOn = null,
                    CompletedOn = null,
                    PlannedMonth = version.Months.FirstOrDefault(m => Starts(a.Fields.Title, m.Key)) is { Key: not null } moved ? moved.Value : a.Fields.PlannedMonth,
                })).ToList();
            var snapshot = PlanSnapshot.From(plan) with { CurrentPhase = 0, Activities = activities };
            var id = await _versions.InsertAsync(connection, transaction, projectId, version.Name, version.Note, version.SavedOn, snapshot, Actor.System, cancellationToken);
            foreach (var step in version.Steps)
            {
                long? groupId = step.Group is null ? null : await connection.ScalarLongAsync(transaction, "SELECT id FROM project_groups WHERE project_id = @project AND name = @name;",
                    cancellationToken, ("@project", projectId), ("@name", step.Group)) ?? throw new InvalidOperationException($"The demo plan version names group '{step.Group}', which is not in the project.");
                var meetingId = step.MeetingOn is { } on ? await connection.ScalarLongAsync(transaction, "SELECT id FROM meetings WHERE group_id = @group AND held_on = @on;",
                    cancellationToken, ("@group", groupId), ("@on", on.ToDbValue())) ?? throw new InvalidOperationException($"The demo plan version names a meeting of {step.Group} on {on}, which is not there.") : (long?)null;
                await _versions.SetStatusAsync(connection, transaction, id, step.Status, step.On, groupId, meetingId, step.Who, step.Note, Actor.System, cancellationToken);
            }
        }
    }

    private static async Task<string?> GetMarkerAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        (string?)await connection.ScalarAsync(transaction, "SELECT value FROM app_settings WHERE key = @key;", cancellationToken, ("@key", LoadedMarker));

    private static async Task<long> CountProjectsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM projects;", cancellationToken) ?? 0;

    private sealed record DemoPlanSet
    {
        public required int Version { get; init; }
        public required IReadOnlyList<DemoPlan> Plans { get; init; }
    }

    private sealed record DemoDataSet
    {
        public required int Version { get; init; }
        public required IReadOnlyList<ProjectDraft> Projects { get; init; }
    }
}
