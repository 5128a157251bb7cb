using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Monitor.Core.Coding.Agreement;
using Monitor.Core.Coding.Text;
using Monitor.Core.Common;
using Monitor.Core.Data;

namespace Monitor.Core.Coding;

/// <summary>
/// The agreement of a closed blind round. The figures are computed once, when the round closes, with
/// <see cref="AgreementCalculator"/> on the document versions the codings were on (split into paragraphs), and
/// stored with those version ids: editing the minutes afterwards does not move a reported κ or α (issue #17).
/// A round that is still open has no figures: it stays blind until it closes.
/// </summary>
public sealed class RoundAgreement
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private readonly MonitorDatabase _database;
    private readonly TimeProvider _time;

    public RoundAgreement(MonitorDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>
    /// The frozen agreement of a closed round with the versions it was computed on; null when the round is not in
    /// this project or still open (blind until closed). A round closed before figures were frozen gets them now.
    /// </summary>
    public async Task<RoundResult?> ResultAsync(long projectId, long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using (var read = connection.BeginRead())
        {
            var round = await RoundStore.ReadRoundAsync(connection, read, projectId, roundId, cancellationToken);
            if (round is null || round.Status != RoundStatus.Gesloten)
            {
                return null;
            }

            if (await ReadResultAsync(connection, read, projectId, roundId, cancellationToken) is { } frozen)
            {
                return frozen;
            }
        }

        await using var write = await connection.BeginWriteAsync(cancellationToken);
        if (await ReadResultAsync(connection, write, projectId, roundId, cancellationToken) is not { } result)
        {
            var round = (await RoundStore.ReadRoundAsync(connection, write, projectId, roundId, cancellationToken))!;
            await RoundStore.FreezeAsync(connection, write, projectId, round, null, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), late: true, cancellationToken);
            result = (await ReadResultAsync(connection, write, projectId, roundId, cancellationToken))!;
        }

        await write.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The agreement figures of a closed round (null when the round is not in this project or still open).</summary>
    public async Task<AgreementReport?> AgreementAsync(long projectId, long roundId, CancellationToken cancellationToken = default) =>
        (await ResultAsync(projectId, roundId, cancellationToken))?.Figures.Report;

    /// <summary>Names of the codes used in a round, by the code id text used in the agreement report.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RoundCodeNamesAsync(long projectId, long roundId, CancellationToken cancellationToken = default) =>
        (await ResultAsync(projectId, roundId, cancellationToken))?.Figures.CodeNames ?? new Dictionary<string, string>();

    /// <summary>Computes the figures of a round on its documents' current versions and stores them with those versions (the caller's transaction).</summary>
    internal static async Task StoreFiguresAsync(DbConnection connection, DbTransaction transaction, long projectId, CodingRound round, IReadOnlyList<Coding> codings, string at, bool late, CancellationToken cancellationToken)
    {
        var documents = new List<AgreementDocument>();
        var versionToDocument = new Dictionary<long, long>();
        foreach (var documentId in round.DocumentIds)
        {
            var document = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, documentId, cancellationToken)).Single();
            var version = await CodingDocumentStore.ReadVersionAsync(connection, transaction, document.VersionId, cancellationToken);
            versionToDocument[version.Id] = documentId;
            documents.Add(new AgreementDocument(documentId, version.Length, Paragraphs.Split(version.Text).Select(p => new TextRange(p.Start, p.End)).ToList()));
            await connection.ExecuteAsync(transaction, "INSERT INTO coding_round_versions (round_id, document_id, version_id) VALUES (@round, @document, @version);", cancellationToken,
                ("@round", round.Id), ("@document", documentId), ("@version", version.Id));
        }

        var names = CoderLabels(round);
        var placed = codings.Where(c => versionToDocument.ContainsKey(c.VersionId)).ToList();
        var books = await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var codeNames = books.SelectMany(b => b.Codes).ToDictionary(c => c.Id, c => c.NameNl);
        var codeKeys = placed.Select(c => c.CodeId).Distinct().OrderBy(id => id).ToList();
        var spans = placed.Select(c => new AgreementSpan(versionToDocument[c.VersionId], Id(c.CodeId), names[c.CoderId], c.Start, c.End, Codes.ToCode(c.Valence))).ToList();
        var input = new AgreementInput(documents, round.Coders.Select(c => names[c.Id]).ToList(), codeKeys.Select(Id).ToList(), spans);
        var figures = new RoundFigures
        {
            Report = AgreementCalculator.Compute(input),
            CodeNames = codeKeys.ToDictionary(Id, id => codeNames.GetValueOrDefault(id, Id(id))),
            Valence = ValenceAgreement.Compute(input),
            NominalAlpha = NominalParagraphAlpha.Compute(input),
        };
        await connection.ExecuteAsync(transaction, "INSERT INTO coding_round_results (round_id, figures, computed_at, late) VALUES (@round, @figures, @at, @late);", cancellationToken,
            ("@round", round.Id), ("@figures", JsonSerializer.Serialize(figures, _json)), ("@at", at), ("@late", late ? 1 : 0));
    }

    private static async Task<RoundResult?> ReadResultAsync(DbConnection connection, DbTransaction transaction, long projectId, long roundId, CancellationToken cancellationToken)
    {
        const string resultSql = "SELECT figures, computed_at, late FROM coding_round_results WHERE round_id = @round;";
        const string versionsSql = """
            SELECT d.id, d.title, v.id, v.number, (SELECT max(number) FROM document_versions WHERE document_id = d.id)
            FROM coding_round_versions r JOIN coding_documents d ON d.id = r.document_id JOIN document_versions v ON v.id = r.version_id
            WHERE r.round_id = @round AND d.project_id = @project ORDER BY d.id;
            """;
        var rows = await connection.QueryAsync(transaction, resultSql, reader => (Figures: reader.GetString(0), At: reader.GetString(1), Late: reader.GetFlag(2)), cancellationToken, ("@round", roundId));
        if (rows.Count == 0)
        {
            return null;
        }

        var row = rows[0];
        var versions = await connection.QueryAsync(transaction, versionsSql, reader => new RoundVersion(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt32(4)),
            cancellationToken, ("@round", roundId), ("@project", projectId));
        var figures = JsonSerializer.Deserialize<RoundFigures>(row.Figures, _json) ?? throw new InvalidOperationException($"Round {roundId} has empty figures.");
        return new RoundResult(figures, DateTimeOffset.Parse(row.At, CultureInfo.InvariantCulture), row.Late, versions);
    }

    /// <summary>Display names of a round's coders, made unique when two accounts share a name.</summary>
    private static Dictionary<long, string> CoderLabels(CodingRound round) =>
        round.Coders.ToDictionary(c => c.Id, c => round.Coders.Count(o => o.Name == c.Name) > 1 ? $"{c.Name} ({c.Id})" : c.Name);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
