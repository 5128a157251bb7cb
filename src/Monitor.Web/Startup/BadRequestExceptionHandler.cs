using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Monitor.Web.Startup;

/// <summary>
/// A request the API cannot read (malformed JSON, a date that is not a date, a missing body, a query value of the
/// wrong type) gets a Dutch problem+json that names the field, instead of a bare "Bad Request". Minimal APIs throw
/// these as <see cref="BadHttpRequestException"/> because RouteHandlerOptions.ThrowOnBadRequest is on.
/// </summary>
internal sealed partial class BadRequestExceptionHandler : IExceptionHandler
{
    private const string Title = "De invoer kon niet worden gelezen";
    private readonly IProblemDetailsService _problems;

    public BadRequestExceptionHandler(IProblemDetailsService problems) => _problems = problems;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        // the middleware clears the endpoint before handlers run; the feature keeps the one that failed
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var (field, message) = Describe(bad, endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType);
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = bad.StatusCode,
            Title = Title,
            Detail = message,
        };
        httpContext.Response.StatusCode = bad.StatusCode;
        return await _problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>The field a bad request is about and a Dutch sentence saying what is wrong and what to send instead.</summary>
    public static (string Field, string Message) Describe(BadHttpRequestException exception, Type? bodyType)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var where = json.LineNumber is { } line ? $" (regel {line + 1}, positie {(json.BytePositionInLine ?? 0) + 1})" : "";
            if (MissingRequired().Match(json.Message) is { Success: true } missing)
            {
                return (missing.Groups["names"].Value.Split(',')[0].Trim(' ', '\''), $"Verplichte velden ontbreken: {missing.Groups["names"].Value}.");
            }

            // the message names the containing type for records, so the expected type comes from the body type itself
            var wrongType = json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
            if (wrongType && field.Length > 0 && TypeAt(bodyType, field) is { } expected)
            {
                return (field, $"'{field}' heeft geen geldige waarde{where}: verwacht {Expected(expected.Name)}.");
            }

            return (field == "" ? "body" : field, $"De JSON is niet geldig{where}. Controleer aanhalingstekens, komma's en haakjes.");
        }

        if (BindParameter().Match(exception.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            return (name, $"De parameter '{name}' heeft een ongeldige waarde '{parameter.Groups["value"].Value}': verwacht {Expected(parameter.Groups["type"].Value.TrimEnd('?'))}.");
        }

        if (RequiredParameter().Match(exception.Message) is { Success: true } required)
        {
            var name = required.Groups["name"].Value;
            return (name, $"De parameter '{name}' ontbreekt.");
        }

        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType || exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "Stuur de gegevens als JSON in de body, met Content-Type: application/json.");
        }

        return ("request", "Het verzoek kon niet worden gelezen. Controleer de gegevens en het adres.");
    }

    // The type of the property a JSON path like "groups[0].startDate" points at, case-insensitively.
    private static Type? TypeAt(Type? type, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (type is null)
            {
                return null;
            }

            var name = part.Split('[')[0];
            var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            type = property?.PropertyType;
            if (type is not null && part.Contains('[', StringComparison.Ordinal))
            {
                type = type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
            }
        }

        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Expected(string type) => type switch
    {
        "DateOnly" => "een datum als jjjj-mm-dd (bijvoorbeeld 2026-03-01)",
        "TimeOnly" => "een tijd als uu:mm (bijvoorbeeld 09:30)",
        "DateTimeOffset" or "DateTime" => "een tijdstip als jjjj-mm-ddTuu:mm:ssZ",
        "Int32" or "Int64" or "int" or "long" => "een geheel getal",
        "Double" or "Decimal" or "double" or "decimal" => "een getal",
        "Boolean" or "bool" => "true of false",
        "String" or "string" => "tekst tussen aanhalingstekens",
        _ when type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("List", StringComparison.Ordinal) => "een lijst tussen [ en ]",
        _ => "een waarde van de juiste soort",
    };

    [GeneratedRegex(@"missing required properties,? including: (?<names>'[^']+'(?:, '[^']+')*)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("Failed to bind parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" from \"(?<value>[^\"]*)\"")]
    private static partial Regex BindParameter();

    [GeneratedRegex("Required parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\" was not provided")]
    private static partial Regex RequiredParameter();
}
