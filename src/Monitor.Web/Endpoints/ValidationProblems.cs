using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;

namespace Monitor.Web.Endpoints;

/// <summary>Core's Dutch validation errors as an RFC 9457 validation problem (errors per field); see <see cref="ApiResults.Invalid"/>.</summary>
internal static class ValidationProblems
{
    public static ValidationProblem From(IReadOnlyList<ValidationError> errors, string title) => ApiResults.Invalid(errors, title);
}
