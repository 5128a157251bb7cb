using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Findings;

namespace Monitor.Core.Demo;

/// <summary>
/// Loads the demo findings (Demo/demo-findings.json): the success factors, lessons and advice of both seed
/// projects exactly as titled in the seeds, each with its joint session and evidence resolved against the demo
/// codings, reflections, meetings and plan activities. Runs after the demo codings, per demo project without
/// findings, each project in one transaction.
/// </summary>
public sealed class DemoFindingLoader
{
    private static readonly JsonSerializerOptions _json = new() { PropertyNameCaseInsensitive = true };
    private readonly MonitorDatabase _database;
    private readonly FindingStore _findings;
    private readonly ILogger<DemoFindingLoader> _logger;

    public DemoFindingLoader(MonitorDatabase database, FindingStore findings, ILogger<DemoFindingLoader> logger)
    {
        _database = database;
        _findings = findings;
        _logger = logger;
    }

    public static DemoFindingSet Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Monitor.Core.Demo.demo-findings.json")
            ?? throw new InvalidOperationException("The demo findings file is missing from the assembly.");
        return JsonSerializer.Deserialize<DemoFindingSet>(stream, _json) ?? throw new InvalidOperationException("The demo findings file is empty.");
    }

    public async Task<int> LoadIfNeededAsync(CancellationToken cancellationToken = default)
    {
        var set = Read();
        var total = 0;
        foreach (var slug in set.Findings.Select(f => f.ProjectSlug).Distinct(StringComparer.Ordinal))
        {
            total += await LoadProjectAsync(set.Findings.Where(f => f.ProjectSlug == slug).ToList(), slug, cancellationToken);
        }

        return total;
    }

    private async Task<int> LoadProjectAsync(List<DemoFinding> findings, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        if (await connection.ScalarLongAsync(transaction, "SELECT id FROM projects WHERE slug = @slug AND is_demo = 1;", cancellationToken, ("@slug", slug)) is not { } projectId
            || await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM findings WHERE project_id = @p;", cancellationToken, ("@p", projectId)) > 0
            || await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM codings WHERE project_id = @p;", cancellationToken, ("@p", projectId)) == 0)
        {
            return 0;
        }

        var actor = new Actor(null, "Onderzoeker TNO (demo)");
        foreach (var finding in findings)
        {
            var draft = new FindingDraft
            {
                Kind = Codes.Parse<FindingKind>(finding.Kind),
                Heading = finding.Heading,
                Title = finding.Title,
                Explanation = finding.Explanation,
                Determinants = finding.Determinants ?? [],
                BowenAreas = finding.Bowen ?? [],
                Phase = finding.Phase,
            };
            var at = (finding.Session?.Date ?? "2020-01-01") + "T12:00:00+00:00";
            var id = await FindingStore.InsertAsync(connection, transaction, projectId, draft, Codes.Parse<FindingStatus>(finding.Status), at, cancellationToken);
            if (finding.Session is { } session)
            {
                await connection.ExecuteAsync(transaction, """
                    INSERT INTO finding_sessions (finding_id, held_on, participants, changes, recorded_at, recorded_by) VALUES (@id, @held, @who, @changes, @at, @by);
                    """, cancellationToken, ("@id", id), ("@held", session.Date), ("@who", session.Participants), ("@changes", session.Changes ?? ""), ("@at", at), ("@by", actor.Name));
            }

            foreach (var evidence in finding.Evidence)
            {
                var (kind, target) = await ResolveAsync(connection, transaction, projectId, evidence, cancellationToken);
                await FindingStore.AddEvidenceCoreAsync(connection, transaction, projectId, id, kind, target, "", actor.Name, at, cancellationToken);
            }

            await _findings.RecordAsync(connection, transaction, projectId, id, "demo geladen", actor, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _logger.LogInformation("Demo findings loaded for {Project}: {Count}", slug, findings.Count);
        return findings.Count;
    }

    private static async Task<(EvidenceKind, long)> ResolveAsync(DbConnection connection, DbTransaction transaction, long projectId, DemoEvidence evidence, CancellationToken cancellationToken)
    {
        async Task<long> MeetingAsync() => await connection.ScalarLongAsync(transaction, """
            SELECT m.id FROM meetings m JOIN project_groups g ON g.id = m.group_id WHERE g.project_id = @p AND g.name = @group AND m.held_on = @held ORDER BY m.id LIMIT 1;
            """, cancellationToken, ("@p", projectId), ("@group", evidence.Group ?? ""), ("@held", evidence.HeldOn ?? ""))
            ?? throw new InvalidOperationException($"Demo finding evidence: no meeting of '{evidence.Group}' on {evidence.HeldOn}.");

        switch (evidence.Type)
        {
            case "meeting":
                return (EvidenceKind.Bijeenkomst, await MeetingAsync());
            case "reflection":
                return (EvidenceKind.Reflectie, await DemoMeetingLoader.FindReflectionAsync(connection, transaction, await MeetingAsync(), evidence.Member ?? "", cancellationToken)
                    ?? throw new InvalidOperationException($"Demo finding evidence: no reflection of '{evidence.Member}' on {evidence.HeldOn}."));
            case "activity":
                return (EvidenceKind.Activiteit, await connection.ScalarLongAsync(transaction, "SELECT id FROM plan_activities WHERE project_id = @p AND title = @title ORDER BY id LIMIT 1;",
                    cancellationToken, ("@p", projectId), ("@title", evidence.Title ?? ""))
                    ?? throw new InvalidOperationException($"Demo finding evidence: no activity '{evidence.Title}'."));
            default:
                var meetingId = await MeetingAsync();
                var quote = (evidence.Quote ?? "").Normalize(NormalizationForm.FormC);
                var sql = evidence.Document == "minutes"
                    ? "SELECT c.id, v.text, c.start_pos, c.end_pos FROM codings c JOIN document_versions v ON v.id = c.version_id JOIN coding_documents d ON d.id = v.document_id WHERE d.kind = 'verslag' AND d.meeting_id = @m"
                    : "SELECT c.id, v.text, c.start_pos, c.end_pos FROM codings c JOIN document_versions v ON v.id = c.version_id JOIN coding_documents d ON d.id = v.document_id WHERE d.reflection_id = @r";
                var reflection = evidence.Document?.StartsWith("reflection:", StringComparison.Ordinal) == true
                    ? await DemoMeetingLoader.FindReflectionAsync(connection, transaction, meetingId, evidence.Document["reflection:".Length..], cancellationToken)
                    : null;
                var codings = await connection.QueryAsync(transaction, sql + " AND c.removed_at IS NULL AND (c.round_id IS NULL OR c.is_consensus = 1) ORDER BY c.round_id IS NOT NULL, c.id;",
                    reader => (Id: reader.GetInt64(0), Text: reader.GetString(1), Start: reader.GetInt32(2), End: reader.GetInt32(3)), cancellationToken,
                    ("@m", meetingId), ("@r", reflection ?? 0));
                foreach (var (id, text, start, end) in codings)
                {
                    if (CodePoints.Slice(text, start, end) == quote)
                    {
                        return (EvidenceKind.Codering, id);
                    }
                }

                throw new InvalidOperationException($"Demo finding evidence: no coding with the quote '{evidence.Quote}' on {evidence.HeldOn}.");
        }
    }
}

public sealed record DemoFindingSet(int Version, IReadOnlyList<DemoFinding> Findings);

public sealed record DemoFinding(string ProjectSlug, string Kind, string Heading, string Title, string Explanation, IReadOnlyList<int>? Determinants, IReadOnlyList<int>? Bowen,
    int? Phase, string Status, DemoFindingSession? Session, IReadOnlyList<DemoEvidence> Evidence);

public sealed record DemoFindingSession(string Date, string Participants, string? Changes);

public sealed record DemoEvidence(string Type, string? Group, string? HeldOn, string? Document, string? Quote, string? Member, string? Title);
