using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;

namespace Monitor.Web.Endpoints;

/// <summary>
/// The API's answers that are not data, in one place and one wording: Dutch problem+json for "not found" and for
/// refused input, 201 with <see cref="CreatedId"/>, and the endpoint filter that turns Core's validation errors into 400s.
/// A not-found answer lives here when more than one endpoint class gives it; one class's own stays private there.
/// </summary>
internal static class ApiResults
{
    /// <summary>The title of a 400 for refused input unless an endpoint says what was not done.</summary>
    public const string NotSaved = "De wijziging is niet opgeslagen";

    /// <summary>A 404 as problem+json with a Dutch title and, when given, a detail naming what is missing.</summary>
    public static ProblemHttpResult NotFound(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    /// <summary>404: no project with this id.</summary>
    public static ProblemHttpResult ProjectNotFound(long id) => NotFound("Project niet gevonden", $"Er is geen project met id {id}.");

    /// <summary>404: the project has no group with this id.</summary>
    public static ProblemHttpResult GroupNotFound(long groupId) => NotFound("Groep niet gevonden", $"Dit project heeft geen groep {groupId}.");

    /// <summary>404: the project has no meeting with this id.</summary>
    public static ProblemHttpResult MeetingNotFound(long meetingId) => NotFound("Bijeenkomst niet gevonden", $"Dit project heeft geen bijeenkomst {meetingId}.");

    /// <summary>201 Created: the new item's address in the Location header and <c>{ "id": N }</c> as the body.</summary>
    public static Created<CreatedId> Created(string location, long id) => TypedResults.Created(location, new CreatedId(id));

    /// <summary>Core's Dutch validation errors as an RFC 9457 validation problem (errors per field).</summary>
    public static ValidationProblem Invalid(IReadOnlyList<ValidationError> errors, string title = NotSaved) => TypedResults.ValidationProblem(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        title: title);

    /// <summary>One refused field as the same validation problem (titled <see cref="NotSaved"/>).</summary>
    public static ValidationProblem Invalid(string field, string message) => Invalid([new ValidationError(field, message)]);

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
