namespace Monitor.Web.Startup;

/// <summary>Security headers on every response: no inline script, no framing, no MIME sniffing.</summary>
public sealed class SecurityHeadersMiddleware
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A stored report is a standalone document with its own inline stylesheet and inline SVG and no script;
    /// the endpoint that serves one puts this key in HttpContext.Items to get a policy that allows exactly that.
    /// </summary>
    public const string StandaloneDocumentKey = "csp:standalone-document";

    private const string StandaloneDocumentPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly RequestDelegate _next;

    public SecurityHeadersMiddleware(RequestDelegate next) => _next = next;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items.ContainsKey(StandaloneDocumentKey) ? StandaloneDocumentPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return _next(context);
    }
}
