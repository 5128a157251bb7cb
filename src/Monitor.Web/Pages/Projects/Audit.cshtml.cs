using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Data;
using Monitor.Core.Projects;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Projects;

/// <summary>The project's audit trail, filterable per entity (CSV: ExportEndpoints, …/audit.csv).</summary>
[ProjectPermission(Capability.ViewAudit)]
public sealed class AuditModel : PageModel
{
    private readonly ProjectStore _projects;
    private readonly AuditStore _audit;

    public AuditModel(ProjectStore projects, AuditStore audit)
    {
        _projects = projects;
        _audit = audit;
    }

    public Project? Project { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? EntityId { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Entities { get; private set; } = [];

    /// <summary>The name of each changed thing (entity, id) that the project or the trail knows, so a row names it, not only its id.</summary>
    public IReadOnlyDictionary<(string Entity, long Id), string> Names { get; private set; } = new Dictionary<(string, long), string>();

    // Fields that hold the id of another thing in the trail: their values are shown with its name.
    private static readonly Dictionary<string, string> _idFields = new(StringComparer.Ordinal)
    {
        ["meeting"] = "meeting", ["group"] = "group", ["finding"] = "finding", ["coding"] = "coding", ["document"] = "codingDocument",
        ["round"] = "codingRound", ["parent"] = "code", ["mergedInto"] = "code", ["replaces"] = "member", ["account"] = "account",
    };

    private static readonly string[] _nameFields = ["name", "title", "displayName", "roleLabel", "heldOn"];

    /// <summary>"Leernetwerk · 17 november 2020" for a thing whose name is known, else null.</summary>
    public string? NameOf(string entity, long? id) => id is { } known && Names.TryGetValue((entity, known), out var name) ? name : null;

    /// <summary>A value as the trail shows it: a moment in Dutch local time, the name beside an id of another thing when the trail knows it.</summary>
    public string ShowValue(string field, string? value, Func<string, string> label) =>
        value is null ? "–"
        : value.StartsWith('{') && ReadableJson(value, label) is { } readable ? readable
        : value.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParseExact(value, "O", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var moment) ? UiText.DateTime(moment)
        : _idFields.TryGetValue(field, out var entity) && long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && NameOf(entity, id) is { } name ? $"{name} (#{id})"
        : value;

    /// <summary>
    /// A JSON object kept in the trail (a finding's snapshot) as "titel: … · soort: …", each field by its label, empty
    /// ones left out; null when the value is not a JSON object.
    /// </summary>
    internal static string? ReadableJson(string value, Func<string, string> label)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(value);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? Readable(json.RootElement) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        string Readable(System.Text.Json.JsonElement element) => element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Object => string.Join(" · ", element.EnumerateObject()
                .Select(p => (Name: p.Name, Text: Readable(p.Value)))
                .Where(p => p.Text.Length > 0)
                .Select(p => $"{label(char.ToLowerInvariant(p.Name[0]) + p.Name[1..])}: {p.Text}")),
            System.Text.Json.JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(Readable).Where(t => t.Length > 0)),
            System.Text.Json.JsonValueKind.Null => "",
            System.Text.Json.JsonValueKind.String => element.GetString() ?? "",
            _ => element.GetRawText(),
        };
    }

    private static Dictionary<(string, long), string> NamesIn(IEnumerable<AuditEntry> newestFirst)
    {
        var names = new Dictionary<(string, long), string>();
        foreach (var entry in newestFirst.Reverse())
        {
            if (entry.EntityId is not { } id)
            {
                continue;
            }

            foreach (var field in _nameFields)
            {
                if (entry.Changes.TryGetValue(field, out var change) && (change.New ?? change.Old) is { Length: > 0 } name)
                {
                    names[(entry.Entity, id)] = name;
                    break;
                }
            }
        }

        return names;
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(id, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        var all = await _audit.ListAsync(projectId: id, cancellationToken: cancellationToken);
        Entities = all.Select(e => e.Entity).Distinct().Order(StringComparer.Ordinal).ToList();
        var names = NamesIn(all);
        // groups and meetings often date from the import, before the trail: their current names come from the project
        foreach (var group in project.Groups)
        {
            names[("group", group.Id)] = group.Name;
            foreach (var meeting in group.Meetings)
            {
                names[("meeting", meeting.Id)] = $"{group.Name} · {UiText.Date(meeting.HeldOn)}";
            }
        }

        Names = names;
        Entries = all.Where(e => (Entity is null || e.Entity == Entity) && (EntityId is null || e.EntityId == EntityId)).ToList();
        return Page();
    }
}
