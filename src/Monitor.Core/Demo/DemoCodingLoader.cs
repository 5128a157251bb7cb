using System.Reflection;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Logging;
using Monitor.Core.Coding.Text;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Demo;

/// <summary>
/// Loads the demo codings (Demo/demo-codings.json): the Keuzehulp minutes and reflections coded against MIDI
/// and Bowen by two demo researchers with a closed blind round, and the Arnhem minutes coded so that the
/// seed's success factors and lessons have fragments. Runs after the demo accounts exist (the coders are
/// accounts), per demo project that has no codings yet, each project in one transaction.
/// Fragments are given as quotes, not offsets, so edits to the demo minutes cannot shift them silently.
/// </summary>
public sealed class DemoCodingLoader
{
    private static readonly JsonSerializerOptions _json = new() { PropertyNameCaseInsensitive = true };

    private readonly MonitorDatabase _database;
    private readonly CodingDocumentStore _documents;
    private readonly ILogger<DemoCodingLoader> _logger;

    public DemoCodingLoader(MonitorDatabase database, CodingDocumentStore documents, ILogger<DemoCodingLoader> logger)
    {
        _database = database;
        _documents = documents;
        _logger = logger;
    }

    public static DemoCodingSet Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Monitor.Core.Demo.demo-codings.json")
            ?? throw new InvalidOperationException("The demo codings file is missing from the assembly.");
        return JsonSerializer.Deserialize<DemoCodingSet>(stream, _json) ?? throw new InvalidOperationException("The demo codings file is empty.");
    }

    /// <summary>Loads the codings of every demo project without codings. Returns how many codings were written.</summary>
    public async Task<int> LoadIfNeededAsync(CancellationToken cancellationToken = default)
    {
        var set = Read();
        var total = 0;
        foreach (var slug in set.Codings.Select(c => c.ProjectSlug).Distinct(StringComparer.Ordinal))
        {
            total += await LoadProjectAsync(set, slug, cancellationToken);
        }

        return total;
    }

    private async Task<int> LoadProjectAsync(DemoCodingSet set, string slug, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var projectId = await connection.ScalarLongAsync(transaction, "SELECT id FROM projects WHERE slug = @slug AND is_demo = 1;", cancellationToken, ("@slug", slug));
        if (projectId is not { } project
            || await connection.ScalarLongAsync(transaction, "SELECT count(*) FROM codings WHERE project_id = @p;", cancellationToken, ("@p", project)) > 0)
        {
            return 0;
        }

        var coders = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var coder in set.Coders)
        {
            if (await connection.ScalarLongAsync(transaction, "SELECT id FROM users WHERE email = @email;", cancellationToken, ("@email", coder.Email)) is { } userId)
            {
                coders[coder.Email] = userId;
            }
        }

        var codings = set.Codings.Where(c => c.ProjectSlug == slug).ToList();
        var missing = codings.Select(c => c.Coder).Where(c => !coders.ContainsKey(c)).Distinct().ToList();
        if (missing.Count > 0)
        {
            _logger.LogWarning("Demo codings of {Project} not loaded: no account for {Coders}", slug, string.Join(", ", missing));
            return 0;
        }

        await _documents.SyncDocumentsAsync(connection, transaction, project, cancellationToken);
        var documents = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, project, null, cancellationToken)).ToDictionary(d => d.Id);
        var texts = new Dictionary<long, string>();
        async Task<CodingDocument> FindAsync(string group, string heldOn, string document)
        {
            var meetingId = await connection.ScalarLongAsync(transaction, """
                SELECT m.id FROM meetings m JOIN project_groups g ON g.id = m.group_id
                WHERE g.project_id = @p AND g.name = @group AND m.held_on = @held ORDER BY m.id LIMIT 1;
                """, cancellationToken, ("@p", project), ("@group", group), ("@held", heldOn))
                ?? throw new InvalidOperationException($"Demo coding: no meeting of '{group}' on {heldOn} in {slug}.");
            long? documentId = document == "minutes"
                ? await connection.ScalarLongAsync(transaction, "SELECT id FROM coding_documents WHERE kind = 'verslag' AND meeting_id = @m;", cancellationToken, ("@m", meetingId))
                : document.StartsWith("reflection:", StringComparison.Ordinal)
                    ? await DemoMeetingLoader.FindReflectionAsync(connection, transaction, meetingId, document["reflection:".Length..], cancellationToken) is { } reflectionId
                        ? await connection.ScalarLongAsync(transaction, "SELECT id FROM coding_documents WHERE reflection_id = @r;", cancellationToken, ("@r", reflectionId))
                        : null
                    : null;
            return documentId is { } id && documents.TryGetValue(id, out var found)
                ? found
                : throw new InvalidOperationException($"Demo coding: no document '{document}' for '{group}' on {heldOn} in {slug}.");
        }

        async Task<(CodingDocument Document, int Start, int End)> LocateAsync(DemoCoding coding)
        {
            var document = await FindAsync(coding.Group, coding.HeldOn, coding.Document);
            if (!texts.TryGetValue(document.VersionId, out var text))
            {
                texts[document.VersionId] = text = (await CodingDocumentStore.ReadVersionAsync(connection, transaction, document.VersionId, cancellationToken)).Text;
            }

            var quote = coding.Quote.Normalize(NormalizationForm.FormC);
            var index = -1;
            for (var n = 0; n < Math.Max(1, coding.Occurrence ?? 1); n++)
            {
                index = text.IndexOf(quote, index + 1, StringComparison.Ordinal);
                if (index < 0)
                {
                    throw new InvalidOperationException($"Demo coding: quote not found in '{document.Title}': {coding.Quote}");
                }
            }

            var start = CodePoints.FromUtf16(text, index);
            return (document, start, start + CodePoints.Length(quote));
        }

        var codeIds = (await connection.QueryAsync(transaction, "SELECT key, id FROM codes WHERE key IS NOT NULL;", reader => (Key: reader.GetString(0), Id: reader.GetInt64(1)), cancellationToken))
            .ToDictionary(c => c.Key, c => c.Id, StringComparer.Ordinal);

        CodingInput Input(DemoCoding c, CodingDocument document, int start, int end, long? roundId) =>
            new(document.Id, codeIds.TryGetValue(c.Code, out var codeId) ? codeId : throw new InvalidOperationException($"Demo coding: unknown code '{c.Code}'."),
                start, end, Codes.Parse<Valence>(c.Valence), c.Memo ?? "", roundId, c.Consensus);
        static string At(string date) => date + "T10:00:00+00:00";

        var written = 0;
        foreach (var coding in codings.Where(c => c.Round is null))
        {
            var (document, start, end) = await LocateAsync(coding);
            await CodingStore.InsertCodingAsync(connection, transaction, project, document, Input(coding, document, start, end, null), coders[coding.Coder], Guid.NewGuid(), At(coding.CodedOn), cancellationToken);
            written++;
        }

        foreach (var round in set.Rounds.Where(r => r.ProjectSlug == slug))
        {
            var roundDocuments = new List<long>();
            foreach (var d in round.Documents)
            {
                roundDocuments.Add((await FindAsync(d.Group, d.HeldOn, d.Document)).Id);
            }

            var roundId = await RoundStore.InsertRoundAsync(connection, transaction, project, round.Name, round.Coders.Select(c => coders[c]), roundDocuments, "Systeem", At(round.OpenedOn), cancellationToken);
            foreach (var coding in codings.Where(c => c.Round == round.Key && !c.Consensus))
            {
                var (document, start, end) = await LocateAsync(coding);
                await CodingStore.InsertCodingAsync(connection, transaction, project, document, Input(coding, document, start, end, roundId), coders[coding.Coder], Guid.NewGuid(), At(coding.CodedOn), cancellationToken);
                written++;
            }

            var closed = (await RoundStore.ReadRoundAsync(connection, transaction, project, roundId, cancellationToken))!;
            written += await RoundStore.CloseRoundCoreAsync(connection, transaction, project, closed, coders[round.Coders[0]], At(round.ClosedOn ?? round.OpenedOn), cancellationToken);
            // The consensus of the demo file settles the round's differences: under a consensus coding of its code a
            // difference is "overgenomen" (with that valence), under one of another code "afgewezen"; the rest stay open.
            // A consensus coding where no coder used its code is the consensus meeting's own addition.
            var consensus = new List<ConsensusSpan>();
            foreach (var coding in codings.Where(c => c.Round == round.Key && c.Consensus))
            {
                var (document, start, end) = await LocateAsync(coding);
                var input = Input(coding, document, start, end, roundId);
                consensus.Add(new ConsensusSpan(document.VersionId, input.CodeId, start, end, input.Valence));
                var coded = await connection.ScalarLongAsync(transaction, """
                    SELECT id FROM codings WHERE round_id = @r AND version_id = @v AND code_id = @c AND start_pos < @e AND end_pos > @s AND removed_at IS NULL LIMIT 1;
                    """, cancellationToken, ("@r", roundId), ("@v", document.VersionId), ("@c", input.CodeId), ("@s", start), ("@e", end));
                if (coded is null)
                {
                    await CodingStore.InsertCodingAsync(connection, transaction, project, document, input, coders[coding.Coder], Guid.NewGuid(), At(coding.CodedOn), cancellationToken);
                    written++;
                }
            }

            await RoundStore.SettleByConsensusAsync(connection, transaction, project, roundId, consensus, coders[round.Coders[0]], "Onderzoeker TNO (demo)", At(round.ClosedOn ?? round.OpenedOn), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _logger.LogInformation("Demo codings loaded for {Project}: {Count}", slug, written);
        return written;
    }
}

public sealed record DemoCodingSet(int Version, IReadOnlyList<DemoCoder> Coders, IReadOnlyList<DemoRound> Rounds, IReadOnlyList<DemoCoding> Codings);

public sealed record DemoCoder(string Email, string Label);

public sealed record DemoRound(string Key, string ProjectSlug, string Name, IReadOnlyList<string> Coders, string OpenedOn, string? ClosedOn, IReadOnlyList<DemoRoundDocument> Documents);

public sealed record DemoRoundDocument(string Group, string HeldOn, string Document);

public sealed record DemoCoding(string ProjectSlug, string Group, string HeldOn, string Document, string Quote, int? Occurrence, string Code, string Valence, string Coder, string? Memo, string? Round, bool Consensus, string CodedOn);
