using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Monitor.Web.Pages;

/// <summary>Shown for unhandled errors and status codes; never shows a stack trace, only a reference to find the log line.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public int ShownStatusCode { get; private set; } = 500;

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    /// <summary>Title and text of a storage failure (disk full, database busy), in Dutch; null for other errors.</summary>
    public (string Title, string Detail)? StorageProblem { get; private set; }

    private void Show(int? code)
    {
        ShownStatusCode = code is >= 400 and <= 599 ? code.Value : 500;
        if (Startup.StorageExceptionHandler.Describe(HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error) is { } problem)
        {
            ShownStatusCode = problem.Status;
            StorageProblem = (problem.Title, problem.Detail);
        }

        Response.StatusCode = ShownStatusCode;
        RequestId = ShownStatusCode >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
    }
}
