using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Localization;
using Monitor.Core;
using Monitor.Web.Endpoints;
using Monitor.Web.Security;
using Monitor.Web.Startup;
using Monitor.Worker;

var builder = WebApplication.CreateBuilder(WebStartupSwitches.Normalize(args));
// A start-up failure a person can fix is one Dutch line on stderr (StartupFailure), not the host's stack trace.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

// Core: the SQLite database, its stores and the demo data; migrated before the server takes requests
builder.Services.AddMonitorCore(builder.Configuration);
builder.Services.AddHostedService<DatabaseStartupService>();

// Jobs: the worker's Quartz jobs run in this process unless Worker:RunInWeb is false (then run
// src/Monitor.Worker separately); both are members of one Quartz cluster on the database file, so a job runs once.
builder.Services.AddMonitorJobs(builder.Configuration);
builder.Services.AddHostedService<InWebJobsService>();

// Security: accounts, cookie login and API tokens, per-project roles, rate limits, request size
builder.Services.AddMonitorSecurity(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = 2 * 1024 * 1024;
    // Long enough that an over-long search reaches the app and gets a Dutch answer instead of Kestrel's bare 414.
    kestrel.Limits.MaxRequestLineSize = 64 * 1024;
});

// UI: server-rendered Razor Pages, Dutch first, English through Resources/SharedResource.en.resx
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddRazorPages();
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    string[] cultures = ["nl", "en"];
    options.SetDefaultCulture("nl").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    // The language is what the user chose (cookie, or ?culture=en), not the browser's: Dutch unless asked.
    options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});

// API: JSON under /api/v1, errors as problem+json
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<StorageExceptionHandler>();
// A body or query value the API cannot read is thrown (not a bare 400), so it gets a Dutch problem naming the field.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
});

// API description: /openapi/v1.json for logged-in users, shown readably at /api-referentie
builder.Services.AddMonitorOpenApi();

// Health: the database opens and has the expected schema
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages =>
{
    pages.UseExceptionHandler("/Fout");
    pages.UseStatusCodePagesWithReExecute("/Fout", "?code={0}");
});
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapMonitorOpenApi();
app.MapProjectEndpoints();
app.MapAccountEndpoints();
app.MapExportEndpoints();
app.MapPlanEndpoints();
app.MapPlanFileEndpoints();
app.MapFrameworkEndpoints();
app.MapGroupEndpoints();
app.MapCalendarSubscriptionEndpoints();
app.MapMeetingEndpoints();
app.MapReflectionEndpoints();
app.MapCodebookEndpoints();
app.MapCodingDocumentEndpoints();
app.MapCodingEndpoints();
app.MapRoundEndpoints();
app.MapExchangeEndpoints();
app.MapExchangeDownloads();
app.MapReportEndpoints();
app.MapPortfolioEndpoints();
app.MapLearningEndpoints();
app.MapInnovationEndpoints();
app.MapEffectEndpoints();
app.MapEffectLinkageEndpoints();
app.MapEffectImportEndpoints();
app.MapMidiSurveyEndpoints();
app.MapNetworkEndpoints();
app.MapParticipationEndpoints();

// Read before RunAsync: the host disposes its configuration when it stops, also when it fails to start.
var urls = app.Configuration["Urls"];
try
{
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (StartupFailure.Describe(exception is AggregateException { InnerException: { } inner } ? inner : exception, urls) is { } message)
{
    await Console.Error.WriteLineAsync(message);
    return StartupFailure.ExitCode;
}

/// <summary>Entry point; public so that WebApplicationFactory&lt;Program&gt; can host the app in tests.</summary>
public partial class Program;
