using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monitor.Load;

/// <summary>
/// The weighted mix one virtual user loops over: the pages people open most, search, API reads with a personal
/// token, and each role's own write — a projectleider saves minutes, an onderzoeker codes a fragment (and removes
/// their previous coding first, so each user keeps at most one and the documents do not fill up).
/// </summary>
internal static class Workload
{
    /// <summary>Route names in table order, with the path pattern shown beside them.</summary>
    public static readonly IReadOnlyList<(string Route, string Pattern)> Routes =
    [
        ("project page", "GET /projecten/{id}"),
        ("meeting page", "GET /projecten/{id}/bijeenkomsten/{meetingId}"),
        ("plan page", "GET /projecten/{id}/plan"),
        ("portfolio page", "GET /portfolio"),
        ("search page", "GET /projecten/{id}/zoeken?q="),
        ("API project (token)", "GET /api/v1/projects/{id}"),
        ("API meetings (token)", "GET /api/v1/projects/{id}/meetings"),
        ("save minutes (API)", "PUT /api/v1/projects/{id}/meetings/{meetingId}/minutes"),
        ("code fragment (API)", "POST /api/v1/projects/{id}/codings"),
        ("remove coding (API)", "DELETE /api/v1/projects/{id}/codings/{codingId}"),
    ];

    private enum Step
    {
        ProjectPage,
        MeetingPage,
        PlanPage,
        PortfolioPage,
        SearchPage,
        ApiProject,
        ApiMeetings,
        SaveMinutes,
        CodeFragment,
    }

    // weights per step, in the order of Step; each role writes only what its role may
    private static readonly int[] _projectleiderMix = [20, 15, 15, 10, 10, 8, 7, 15, 0];
    private static readonly int[] _onderzoekerMix = [15, 15, 10, 5, 15, 8, 7, 0, 25];

    private static readonly string[] _valences = ["bevorderend", "belemmerend", "gemengd", "neutraal"];

    /// <summary>A one-line description of the mix for the report.</summary>
    public static string Describe() =>
        $"projectleider: {Describe(_projectleiderMix)}; onderzoeker: {Describe(_onderzoekerMix)}";

    public static async Task StepAsync(VirtualUser user, Targets targets, ApiTokens tokens, Recorder recorder, Random random, CancellationToken cancellationToken)
    {
        var project = targets.Projects[random.Next(targets.Projects.Count)];
        var id = project.Id;
        var step = Pick(user.Role == Role.Projectleider ? _projectleiderMix : _onderzoekerMix, random);
        var token = tokens.For(user.Role);
        var request = step switch
        {
            Step.ProjectPage => Page(0, $"/projecten/{id}"),
            Step.MeetingPage when project.MeetingIds.Count > 0 => Page(1, $"/projecten/{id}/bijeenkomsten/{project.MeetingIds[random.Next(project.MeetingIds.Count)]}"),
            Step.PlanPage => Page(2, $"/projecten/{id}/plan"),
            Step.PortfolioPage => Page(3, "/portfolio"),
            Step.SearchPage => Page(4, $"/projecten/{id}/zoeken?q={Uri.EscapeDataString(targets.SearchWords[random.Next(targets.SearchWords.Count)])}"),
            Step.ApiProject => Page(5, $"/api/v1/projects/{id}") with { Bearer = token },
            Step.ApiMeetings => Page(6, $"/api/v1/projects/{id}/meetings") with { Bearer = token },
            Step.SaveMinutes when project.Minutes.Count > 0 => SaveMinutes(project, random),
            Step.CodeFragment when project.Documents.Count > 0 && project.CodeIds.Count > 0 => await CodeFragmentAsync(user, project, recorder, random, cancellationToken),
            _ => Page(0, $"/projecten/{id}"),
        };
        var body = await user.SendAsync(recorder, request, cancellationToken);
        if (step == Step.CodeFragment && body is not null && request.Route == Routes[8].Route)
        {
            using var created = JsonDocument.Parse(body);
            user.LastCoding = (id, created.RootElement.GetProperty("id").GetInt64());
        }
    }

    private static Request Page(int route, string path) => new() { Route = Routes[route].Route, Pattern = Routes[route].Pattern, Path = path };

    private static Request SaveMinutes(ProjectTarget project, Random random)
    {
        var target = project.Minutes[random.Next(project.Minutes.Count)];
        var line = $"Belastingtest: opgeslagen met volgnummer {random.Next(1_000_000).ToString(CultureInfo.InvariantCulture)}.";
        return new Request
        {
            Route = Routes[7].Route,
            Pattern = Routes[7].Pattern,
            Method = HttpMethod.Put,
            Path = $"/api/v1/projects/{project.Id}/meetings/{target.MeetingId}/minutes",
            Content = JsonContent.Create(new Dictionary<string, string> { ["minutes"] = target.Minutes.Length == 0 ? line : target.Minutes + "\n\n" + line }),
        };
    }

    private static async Task<Request> CodeFragmentAsync(VirtualUser user, ProjectTarget project, Recorder recorder, Random random, CancellationToken cancellationToken)
    {
        if (user.LastCoding is { } last)
        {
            user.LastCoding = null;
            await user.SendAsync(recorder, new Request
            {
                Route = Routes[9].Route,
                Pattern = Routes[9].Pattern,
                Method = HttpMethod.Delete,
                Path = $"/api/v1/projects/{last.ProjectId}/codings/{last.CodingId}",
            }, cancellationToken);
        }

        var document = project.Documents[random.Next(project.Documents.Count)];
        var length = Math.Min(document.Length, random.Next(20, 160));
        var start = random.Next(0, document.Length - length + 1);
        return new Request
        {
            Route = Routes[8].Route,
            Pattern = Routes[8].Pattern,
            Method = HttpMethod.Post,
            Path = $"/api/v1/projects/{project.Id}/codings",
            Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["documentId"] = document.Id,
                ["codeId"] = project.CodeIds[random.Next(project.CodeIds.Count)],
                ["start"] = start,
                ["end"] = start + length,
                ["valence"] = _valences[random.Next(_valences.Length)],
                ["memo"] = "belastingtest",
            }),
            // the same account coding an overlapping span with the same code at the same moment: refused, as it should be
            IsConflict = (status, body) => status == 400 && body.Contains("overlapt", StringComparison.Ordinal),
        };
    }

    private static Step Pick(int[] weights, Random random)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return (Step)i;
            }
        }

        return Step.ProjectPage;
    }

    private static string Describe(int[] weights) =>
        string.Join(", ", weights.Select((w, i) => (w, i)).Where(x => x.w > 0).Select(x => $"{Enum.GetName((Step)x.i)} {x.w}"));
}
