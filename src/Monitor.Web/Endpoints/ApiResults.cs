using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;

namespace Monitor.Web.Endpoints;

/// <summary>
/// The API's answers that are not data, in one place and one wording: Dutch problem+json for "not found" and for
/// refused input, 201 with <see cref="CreatedId"/>, and the endpoint filter that turns Core's validation errors into 400s.
/// </summary>
internal static class ApiResults
{
    public const string NotSaved = "De wijziging is niet opgeslagen";

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult ProjectNotFound(long id) => NotFound("Project niet gevonden", $"Er is geen project met id {id}.");

    public static Created<CreatedId> Created(string location, long id) => TypedResults.Created(location, new CreatedId(id));

    /// <summary>Core's Dutch validation errors as an RFC 9457 validation problem (errors per field).</summary>
    public static ValidationProblem Invalid(IReadOnlyList<ValidationError> errors, string title = NotSaved) => TypedResults.ValidationProblem(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        title: title);

    /// <summary>An endpoint filter: Core refuses what breaks its rules with a <see cref="ValidationException"/>; every endpoint answers it the same way.</summary>
    public static async ValueTask<object?> RefuseInvalidAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (ValidationException ex)
        {
            return Invalid(ex.Errors);
        }
    }
}
