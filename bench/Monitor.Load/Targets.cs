using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monitor.Load;

/// <summary>The ids the mix works on, discovered from the API at the start (never hard-coded): the projects both roles share, their meetings, coding documents and codes, and search words taken from the documents' own text.</summary>
internal sealed partial record Targets
{
    private const int MaxMinutesMeetings = 10;
    private const int MaxCodes = 40;
    private const int MaxSearchWords = 30;

    public required IReadOnlyList<ProjectTarget> Projects { get; init; }

    public required IReadOnlyList<string> SearchWords { get; init; }

    public static async Task<Targets> DiscoverAsync(VirtualUser leader, VirtualUser researcher, CancellationToken cancellationToken)
    {
        var leaderProjects = Ids(await leader.GetJsonAsync("/api/v1/projects/", cancellationToken));
        var shared = Ids(await researcher.GetJsonAsync("/api/v1/projects/", cancellationToken)).Intersect(leaderProjects).Order().ToList();
        if (shared.Count == 0)
        {
            throw new LoadException($"{leader.Email} en {researcher.Email} delen geen project; start de app met demodata.");
        }

        var projects = new List<ProjectTarget>();
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in shared)
        {
            var meetings = (await leader.GetJsonAsync($"/api/v1/projects/{id}/meetings", cancellationToken)).EnumerateArray().ToList();
            var minutes = new List<MinutesTarget>();
            foreach (var meeting in meetings.Where(m => m.GetProperty("status").GetString() == "gehouden").Take(MaxMinutesMeetings))
            {
                var meetingId = meeting.GetProperty("id").GetInt64();
                var detail = await leader.GetJsonAsync($"/api/v1/projects/{id}/meetings/{meetingId}", cancellationToken);
                minutes.Add(new MinutesTarget(meetingId, detail.GetProperty("meeting").GetProperty("minutes").GetString() ?? ""));
            }

            var documents = (await researcher.GetJsonAsync($"/api/v1/projects/{id}/coding-documents", cancellationToken)).EnumerateArray()
                .Select(d => new DocumentTarget(d.GetProperty("id").GetInt64(), d.GetProperty("length").GetInt32()))
                .Where(d => d.Length >= 200)
                .ToList();
            foreach (var document in documents.Take(3))
            {
                var text = (await researcher.GetJsonAsync($"/api/v1/projects/{id}/coding-documents/{document.Id}", cancellationToken)).GetProperty("text").GetString() ?? "";
                words.UnionWith(Word().Matches(text).Select(m => m.Value.ToLower(CultureInfo.GetCultureInfo("nl-NL"))));
            }

            var codes = (await researcher.GetJsonAsync($"/api/v1/projects/{id}/codebooks", cancellationToken)).EnumerateArray()
                .SelectMany(book => book.GetProperty("codes").EnumerateArray())
                .Where(code => code.GetProperty("isCodable").GetBoolean())
                .Select(code => code.GetProperty("id").GetInt64())
                .Take(MaxCodes)
                .ToList();
            projects.Add(new ProjectTarget(id, [.. meetings.Select(m => m.GetProperty("id").GetInt64())], minutes, documents, codes));
        }

        // a fixed spread of the documents' words, so runs search for the same things
        var all = words.ToList();
        var step = Math.Max(1, all.Count / MaxSearchWords);
        return new Targets
        {
            Projects = projects,
            SearchWords = all.Count == 0 ? ["training"] : [.. all.Where((_, i) => i % step == 0).Take(MaxSearchWords)],
        };
    }

    public override string ToString() =>
        string.Join("; ", Projects.Select(p => $"project {p.Id}: {p.MeetingIds.Count} bijeenkomsten, {p.Minutes.Count} verslagen, {p.Documents.Count} codeerdocumenten, {p.CodeIds.Count} codes"))
        + $"; {SearchWords.Count} zoekwoorden";

    private static List<long> Ids(JsonElement list) => [.. list.EnumerateArray().Select(p => p.GetProperty("id").GetInt64())];

    [GeneratedRegex("\\b\\p{L}{7,}\\b")]
    private static partial Regex Word();
}
