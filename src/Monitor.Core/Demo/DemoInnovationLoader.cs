using Monitor.Core.Data;
using Monitor.Core.Innovation;

namespace Monitor.Core.Demo;

/// <summary>
/// Links the demo projects to the core elements of their innovation (issue #22): Arnhem's Samen Beslissen to its 7 steps
/// with 3 core points and the three-talk model, the Keuzehulp to the four steps of methodisch werken it bridges. Only the
/// descriptions: the seeds hold no fidelity or reach figures, so the demo invents none. Only when a demo project has no
/// core elements yet.
/// </summary>
public sealed class DemoInnovationLoader
{
    private static readonly (string Slug, string[] Frameworks)[] _links =
    [
        ("samen-beslissen-arnhem", ["samen-beslissen-arnhem", "three-talk"]),
        ("keuzehulp-werkzaak", ["methodisch-werken"]),
    ];

    private readonly MonitorDatabase _database;
    private readonly CoreElementStore _elements;

    public DemoInnovationLoader(MonitorDatabase database, CoreElementStore elements)
    {
        _database = database;
        _elements = elements;
    }

    public async Task<int> LoadIfNeededAsync(CancellationToken cancellationToken = default)
    {
        var added = 0;
        var actor = new Actor(null, "Projectleider (demo)");
        foreach (var (slug, frameworks) in _links)
        {
            long projectId;
            await using (var connection = await _database.OpenAsync(cancellationToken))
            {
                if (await connection.ScalarLongAsync(null, "SELECT id FROM projects WHERE slug = @slug AND is_demo = 1;", cancellationToken, ("@slug", slug)) is not { } id
                    || await connection.ScalarLongAsync(null, "SELECT count(*) FROM project_core_elements WHERE project_id = @p;", cancellationToken, ("@p", id)) > 0)
                {
                    continue;
                }

                projectId = id;
            }

            foreach (var framework in frameworks)
            {
                added += await _elements.AdoptAsync(projectId, framework, actor, cancellationToken) ?? 0;
            }
        }

        return added;
    }
}
