using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Learning;

namespace Monitor.Core.Demo;

/// <summary>
/// Loads the Keuzehulp demo's learning agenda and high and low points (Demo/demo-learning.json), reconstructed from the
/// development process in seed 003's report and marked as such. Through the stores, so each entry has its history and
/// audit; only when the demo project exists and its agenda and moments are still empty.
/// </summary>
public sealed class DemoLearningLoader
{
    private static readonly JsonSerializerOptions _json = new() { PropertyNameCaseInsensitive = true };

    private readonly MonitorDatabase _database;
    private readonly LearningAgendaStore _agenda;
    private readonly TimelineStore _timeline;
    private readonly ILogger<DemoLearningLoader> _logger;

    public DemoLearningLoader(MonitorDatabase database, LearningAgendaStore agenda, TimelineStore timeline, ILogger<DemoLearningLoader> logger)
    {
        _database = database;
        _agenda = agenda;
        _timeline = timeline;
        _logger = logger;
    }

    public async Task<int> LoadIfNeededAsync(CancellationToken cancellationToken = default)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Monitor.Core.Demo.demo-learning.json")
            ?? throw new InvalidOperationException("The demo learning file is missing from the assembly.");
        var set = JsonSerializer.Deserialize<DemoLearningSet>(stream, _json) ?? throw new InvalidOperationException("The demo learning file is empty.");
        long projectId;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        {
            if (await connection.ScalarLongAsync(null, "SELECT id FROM projects WHERE slug = @slug AND is_demo = 1;", cancellationToken, ("@slug", set.ProjectSlug)) is not { } id
                || await connection.ScalarLongAsync(null, """
                    SELECT (SELECT count(*) FROM learning_items WHERE project_id = @p) + (SELECT count(*) FROM timeline_moments WHERE project_id = @p);
                    """, cancellationToken, ("@p", id)) > 0)
            {
                return 0;
            }

            projectId = id;
        }

        var actor = new Actor(null, "Projectleider Werkzaak (demo, gereconstrueerd)");
        foreach (var item in set.Items)
        {
            var first = item.Statuses[0];
            var draft = new LearningItemDraft
            {
                Kind = Codes.Parse<LearningItemKind>(item.Kind),
                Title = item.Title,
                Description = item.Description,
                Owner = item.Owner,
                Actions = item.Actions,
                Learned = item.Learned,
                Status = Codes.Parse<LearningStatus>(first.Status),
                StatusOn = DateOnly.Parse(first.On, System.Globalization.CultureInfo.InvariantCulture),
                StatusNote = set.Note,
                Reconstructed = true,
            };
            var itemId = (await _agenda.CreateAsync(projectId, draft, actor, cancellationToken))!.Value;
            foreach (var change in item.Statuses.Skip(1))
            {
                draft = draft with
                {
                    Status = Codes.Parse<LearningStatus>(change.Status),
                    StatusOn = DateOnly.Parse(change.On, System.Globalization.CultureInfo.InvariantCulture),
                    StatusNote = change.Note ?? "",
                };
                await _agenda.UpdateAsync(projectId, itemId, draft, actor, cancellationToken);
            }
        }

        foreach (var moment in set.Moments)
        {
            await _timeline.AddMomentAsync(projectId, new MomentDraft
            {
                Kind = Codes.Parse<MomentKind>(moment.Kind),
                OccurredOn = DateOnly.Parse(moment.On, System.Globalization.CultureInfo.InvariantCulture),
                Title = moment.Title,
                Story = moment.Story,
                Reconstructed = true,
            }, actor, null, cancellationToken);
        }

        _logger.LogInformation("Demo learning agenda loaded for {Slug}: {Items} entries, {Moments} moments", set.ProjectSlug, set.Items.Count, set.Moments.Count);
        return set.Items.Count + set.Moments.Count;
    }

    private sealed record DemoLearningSet(string ProjectSlug, string Note, IReadOnlyList<DemoItem> Items, IReadOnlyList<DemoMoment> Moments);

    private sealed record DemoItem(string Kind, string Title, string Description, string Owner, string Actions, string Learned, IReadOnlyList<DemoStatus> Statuses);

    private sealed record DemoStatus(string Status, string On, string? Note);

    private sealed record DemoMoment(string Kind, string On, string Title, string Story);
}
