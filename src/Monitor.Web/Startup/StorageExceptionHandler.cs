using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Monitor.Core.Data;

namespace Monitor.Web.Startup;

/// <summary>
/// A request that fails in SQLite (disk full, database busy or damaged) tells /health, and the API answers with a
/// Dutch problem+json instead of a generic 500: 507 when the disk is full, 503 when the database is busy or cannot
/// be written. Pages get the same status and text through the error page (see ErrorModel). The transaction of the
/// request was rolled back, so nothing was half-saved.
/// </summary>
internal sealed class StorageExceptionHandler : IExceptionHandler
{
    private readonly DatabaseHealth _health;
    private readonly IProblemDetailsService _problems;
    private readonly ILogger<StorageExceptionHandler> _logger;

    public StorageExceptionHandler(DatabaseHealth health, IProblemDetailsService problems, ILogger<StorageExceptionHandler> logger)
    {
        _health = health;
        _problems = problems;
        _logger = logger;
    }

    public static (int Status, string Title, string Detail)? Describe(Exception? exception) => exception switch
    {
        SqliteException { SqliteErrorCode: SqliteCodes.Full } or IOException { HResult: 28 or unchecked((int)0x80070070) } => (
            StatusCodes.Status507InsufficientStorage,
            "De schijf van de server is vol",
            "Uw wijziging is niet opgeslagen: de schijf waarop de database staat is vol. Er is niets half opgeslagen. " +
            "Probeer het later opnieuw en meld het aan de beheerder."),
        SqliteException { SqliteErrorCode: SqliteCodes.Busy or SqliteCodes.Locked } => (
            StatusCodes.Status503ServiceUnavailable,
            "De database is bezet",
            "Een ander proces houdt de database te lang vast. Er is niets half opgeslagen. Probeer het over een minuut opnieuw."),
        SqliteException sqlite when DatabaseHealth.IsStorageFailure(sqlite) => (
            StatusCodes.Status503ServiceUnavailable,
            "De database is niet bruikbaar",
            "De database kan nu niet worden gelezen of beschreven. Er is niets half opgeslagen. Meld het aan de beheerder."),
        _ => null,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is SqliteException sqlite)
        {
            _health.RecordFailure(sqlite);
        }

        if (Describe(exception) is not { } problem || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false; // pages: the error page shows the same text (ErrorModel reads the exception)
        }

        // a handled exception is not logged by the middleware (.NET 10); a storage failure must be in the log
        _logger.LogError(exception, "Storage failure on {Method} {Path}: {Status}", httpContext.Request.Method, httpContext.Request.Path, problem.Status);
        httpContext.Response.StatusCode = problem.Status;
        return await _problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = problem.Status, Title = problem.Title, Detail = problem.Detail },
        });
    }
}
