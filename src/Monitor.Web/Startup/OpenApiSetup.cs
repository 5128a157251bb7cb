using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Monitor.Web.Startup;

/// <summary>
/// The OpenAPI description of the JSON API (Microsoft.AspNetCore.OpenApi): every /api/v1 route with its parameters,
/// request and response shapes, and the Dutch problem+json answers every route can give. Served at
/// <see cref="DocumentPath"/> to logged-in users only (a cookie or an API token, like the API itself): the document
/// lists no data, but it is part of the application behind the login. The API reference page (/api-referentie) shows
/// the same document as a readable list.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    private const string ProblemJson = "application/problem+json";

    public static IServiceCollection AddMonitorOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ImplementatieMonitor API",
                    Version = "v1",
                    Description = "JSON onder /api/v1. Log in met de browser, of stuur een persoonlijk API-token mee (Authorization: Bearer im_…, "
                        + "aan te maken op de accountpagina). Fouten komen als problem+json (RFC 9457) met een Nederlandse titel; "
                        + "een geweigerde invoer als validatieprobleem met per veld wat er mis is.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["apiToken"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Persoonlijk API-token (im_…) van de accountpagina.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiToken", document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(AddProblemResponsesAsync);
        });

    /// <summary>GET /openapi/v1.json for logged-in users (cookie or API token).</summary>
    public static IEndpointConventionBuilder MapMonitorOpenApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();

    /// <summary>
    /// The answers that are not in a route's own result types because they come from the pipeline: 400 for input the
    /// API refuses (a validation problem naming the field; routes that take input), 401 without login, 403 without the
    /// role a route's policy asks for, and 404 when an id in the path does not exist.
    /// </summary>
    private static async Task AddProblemResponsesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var problem = await SchemaAsync(context, typeof(ProblemDetails), cancellationToken);
        var validation = await SchemaAsync(context, typeof(HttpValidationProblemDetails), cancellationToken);
        operation.Responses ??= [];
        var parameters = context.Description.ParameterDescriptions;
        if (parameters.Count > 0)
        {
            Add(operation, "400", "Invoer geweigerd: een validatieprobleem met per veld wat er mis is.", validation);
        }

        Add(operation, "401", "Niet ingelogd: log in of stuur een API-token mee.", problem);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
        {
            Add(operation, "403", "Geen toegang: uw rol (in dit project) staat dit niet toe.", problem);
        }

        if (parameters.Any(p => p.Source == BindingSource.Path))
        {
            Add(operation, "404", "Niet gevonden: een id in het pad bestaat niet (in dit project).", problem);
        }
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema)
    {
        // A route's own result types may already name the answer (ValidationProblem, NotFound<T>): keep its content,
        // say in Dutch what it means.
        if (operation.Responses!.TryGetValue(status, out var existing) && existing is OpenApiResponse { Content.Count: > 0 } own)
        {
            own.Description = description;
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new OpenApiMediaType { Schema = schema } },
        };
    }

    /// <summary>The schema of a problem type, once under components/schemas and referenced from each response.</summary>
    private static async Task<IOpenApiSchema> SchemaAsync(OpenApiOperationTransformerContext context, Type type, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(type.Name))
        {
            document.Components.Schemas[type.Name] = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
