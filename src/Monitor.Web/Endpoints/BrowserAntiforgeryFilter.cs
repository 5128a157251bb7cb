using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Monitor.Web.Endpoints;

/// <summary>
/// An unsafe API call (POST, PUT, PATCH, DELETE) made with the login cookie must carry the anti-forgery
/// token (header "RequestVerificationToken"), so another site cannot make the browser call the API.
/// Calls with a personal API token carry no cookie and need none.
/// </summary>
internal sealed class BrowserAntiforgeryFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !HttpMethods.IsOptions(http.Request.Method)
            && http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Beveiligingstoken ontbreekt",
                    detail: "Deze wijziging vanuit de browser mist het anti-forgery-token (header RequestVerificationToken). Laad de pagina opnieuw.");
            }
        }

        return await next(context);
    }
}
