using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;

namespace Monitor.Web.Endpoints;

/// <summary>Core's Dutch validation errors as an RFC 9457 validation problem (errors per field).</summary>
internal static class ValidationProblems
{
    public static ValidationProblem From(IReadOnlyList<ValidationError> errors, string title) => TypedResults.ValidationProblem(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        title: title);
}
