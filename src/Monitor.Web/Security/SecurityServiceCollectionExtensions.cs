using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;

namespace Monitor.Web.Security;

/// <summary>Accounts, authentication (cookie for people, bearer token for scripts), policies and rate limits.</summary>
internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.SectionName));
        services.AddSingleton<Passwords>();
        services.AddSingleton<LoginService>();
        services.AddSingleton<DemoAccounts>();
        services.AddSingleton<IAuthorizationHandler, ProjectPermissionHandler>();

        // The keys behind login cookies and anti-forgery tokens live in the database, so several web nodes on one
        // database accept each other's cookies (#20); one application name, whatever folder a node runs from.
        services.AddDataProtection().SetApplicationName("ImplementatieMonitor");
        services.AddOptions<KeyManagementOptions>()
            .Configure<Monitor.Core.Data.MonitorDatabase, TimeProvider>((keys, database, time) => keys.XmlRepository = new DatabaseXmlRepository(database, time));

        services.AddAuthentication(Policies.SmartScheme)
            .AddPolicyScheme(Policies.SmartScheme, "Cookie of API-token", scheme =>
                scheme.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                        ? Policies.ApiTokenScheme
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = "monitor.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is HTTPS (behind a TLS proxy: forward the scheme).
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/inloggen";
                cookie.LogoutPath = "/uitloggen";
                cookie.AccessDeniedPath = "/geen-toegang";
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized, "Niet ingelogd", "Log in, of stuur een persoonlijk API-token mee: Authorization: Bearer im_…");
                cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden, "Geen toegang", "Uw rol geeft geen toegang tot deze gegevens.");
                cookie.Events.OnValidatePrincipal = async context =>
                {
                    // A deleted account loses its session at the next request.
                    var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
                    if (context.Principal?.UserId() is not { } id || await accounts.FindAsync(id, context.HttpContext.RequestAborted) is null)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(Policies.ApiTokenScheme, null);
        // Read when first used, not here: configuration added later (tests, hosting) must count too.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SecurityOptions>>((cookie, security) => cookie.ExpireTimeSpan = TimeSpan.FromHours(security.Value.SessionHours));

        services.AddAuthorizationBuilder()
            // Everything needs a login unless it says [AllowAnonymous] / AllowAnonymous().
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireClaim(MonitorClaims.Admin, "true"));
        services.Configure<AuthorizationOptions>(authorization =>
        {
            foreach (var permission in Enum.GetValues<Capability>())
            {
                authorization.AddPolicy(ProjectAccess.PolicyName(permission), policy =>
                    policy.RequireAuthenticatedUser().AddRequirements(new ProjectPermissionRequirement(permission)));
            }
        });

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policies.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.LoginAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Te veel pogingen. Wacht een minuut en probeer het opnieuw.", cancellationToken);
            };
        });

        return services;
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status, string title, string detail)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
