using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Monitor.Web.Startup;

namespace Monitor.Web.Pages.Api;

/// <summary>
/// The API reference for logged-in users: the OpenAPI document of /api/v1 rendered on the server as a list of routes
/// per tag, with parameters, request body and answers, and the shapes they use. No script, so it works under the
/// app's content security policy and offline; scripts in R or Python read the same document at /openapi/v1.json.
/// </summary>
[Authorize]
public sealed class ReferenceModel : PageModel
{
    private readonly IOpenApiDocumentProvider _documents;

    public ReferenceModel([FromKeyedServices(OpenApiSetup.DocumentName)] IOpenApiDocumentProvider documents) => _documents = documents;

    public sealed record Parameter(string Name, string In, bool Required, string Type);

    public sealed record Answer(string Status, string Description, string Type);

    public sealed record Route(string Method, string Path, string? Summary, IReadOnlyList<Parameter> Parameters, string? Body, IReadOnlyList<Answer> Answers)
    {
        /// <summary>An id for the route's anchor: method and path in lower case with separators as dashes.</summary>
        public string Anchor => string.Concat((Method + Path).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
    }

    public sealed record Shape(string Name, IReadOnlyList<(string Name, string Type, bool Required)> Properties);

    public IReadOnlyList<(string Tag, IReadOnlyList<Route> Routes)> Groups { get; private set; } = [];

    public IReadOnlyList<Shape> Shapes { get; private set; } = [];

    public int RouteCount => Groups.Sum(g => g.Routes.Count);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await _documents.GetOpenApiDocumentAsync(cancellationToken);
        var routes = new List<(string Tag, Route Route)>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var route = new Route(
                    method.Method.ToUpperInvariant(),
                    path,
                    operation.Summary,
                    [.. (operation.Parameters ?? []).Select(p => new Parameter(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Required, TypeOf(p.Schema)))],
                    operation.RequestBody?.Content?.Values.FirstOrDefault()?.Schema is { } body ? TypeOf(body) : null,
                    [.. (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal)
                        .Select(r => new Answer(r.Key, r.Value.Description ?? "", r.Value.Content?.Values.FirstOrDefault()?.Schema is { } schema ? TypeOf(schema) : ""))]);
                routes.Add((operation.Tags?.FirstOrDefault()?.Name ?? "API", route));
            }
        }

        Groups = [.. routes.GroupBy(r => r.Tag, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Route>)[.. g.Select(r => r.Route).OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)]))];
        Shapes = [.. (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new Shape(s.Key, [.. (s.Value.Properties ?? new Dictionary<string, IOpenApiSchema>())
                .Select(p => (p.Key, TypeOf(p.Value), s.Value.Required?.Contains(p.Key) == true))]))];
    }

    /// <summary>A schema as a reader writes it: the name of a shape, "array of X", or the JSON type with its format.</summary>
    public static string TypeOf(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return "";
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id ?? "";
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Array))
        {
            return "array of " + TypeOf(schema.Items);
        }

        var options = schema.AnyOf ?? schema.OneOf;
        if (options is { Count: > 0 })
        {
            return string.Join(" | ", options.Select(TypeOf).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));
        }

        var names = schema.Type is { } flags
            ? Enum.GetValues<JsonSchemaType>().Where(t => flags.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant())
            : [];
        var text = string.Join(" | ", names);
        if (schema.Format is { Length: > 0 } format)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({format})");
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            text += ": " + string.Join(", ", values.Select(v => v?.ToString()));
        }

        return text;
    }
}
