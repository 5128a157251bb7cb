using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Coding.Agreement;
using Monitor.Core.Coding.Text;
using Monitor.Core.Data;

namespace Monitor.Core.Coding;

/// <summary>
/// The agreement report of a closed blind round: reads the round, its documents' current texts (split into
/// paragraphs), the coders' individual codings and the code names in one read transaction, then computes with
/// <see cref="AgreementCalculator"/>. A round that is still open has no figures: it stays blind until it closes.
/// </summary>
public sealed class RoundAgreement
{
    private readonly MonitorDatabase _database;

    public RoundAgreement(MonitorDatabase database) => _database = database;

    /// <summary>The agreement figures of a closed round (null when the round is not in this project or still open: blind until closed).</summary>
    public async Task<AgreementReport?> AgreementAsync(long projectId, long roundId, CancellationToken cancellationToken = default)
    {
        var input = await ReadInputAsync(projectId, roundId, cancellationToken);
        return input is null ? null : AgreementCalculator.Compute(input.Value.Input);
    }

    /// <summary>Names of the codes used in a round, by the code id text used in the agreement report.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RoundCodeNamesAsync(long projectId, long roundId, CancellationToken cancellationToken = default)
    {
        var input = await ReadInputAsync(projectId, roundId, cancellationToken);
        return input?.CodeNames ?? new Dictionary<string, string>();
    }

    private async Task<(AgreementInput Input, IReadOnlyDictionary<string, string> CodeNames)?> ReadInputAsync(long projectId, long roundId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await ReadInputAsync(connection, transaction, projectId, roundId, cancellationToken);
    }

    /// <summary>The input of the agreement calculation of a closed round, and the names of its codes by key; null when the round is not closed.</summary>
    private static async Task<(AgreementInput Input, IReadOnlyDictionary<string, string> CodeNames)?> ReadInputAsync(SqliteConnection connection, SqliteTransaction transaction, long projectId, long roundId, CancellationToken cancellationToken)
    {
        var round = await RoundStore.ReadRoundAsync(connection, transaction, projectId, roundId, cancellationToken);
        if (round is null || round.Status != RoundStatus.Gesloten)
        {
            return null;
        }

        var documents = new List<AgreementDocument>();
        var versionToDocument = new Dictionary<long, long>();
        foreach (var documentId in round.DocumentIds)
        {
            var document = (await CodingDocumentStore.ReadDocumentsAsync(connection, transaction, projectId, documentId, cancellationToken)).Single();
            var version = await CodingDocumentStore.ReadVersionAsync(connection, transaction, document.VersionId, cancellationToken);
            versionToDocument[version.Id] = documentId;
            documents.Add(new AgreementDocument(documentId, version.Length, Paragraphs.Split(version.Text).Select(p => new TextRange(p.Start, p.End)).ToList()));
        }

        var names = CoderLabels(round);
        var codings = (await RoundStore.ReadRoundCodingsAsync(connection, transaction, roundId, cancellationToken)).Where(c => versionToDocument.ContainsKey(c.VersionId)).ToList();
        var books = await CodebookStore.ReadCodebooksAsync(connection, transaction, projectId, cancellationToken);
        var codeNames = books.SelectMany(b => b.Codes).ToDictionary(c => c.Id, c => c.NameNl);
        var codeKeys = codings.Select(c => c.CodeId).Distinct().OrderBy(id => id).ToList();
        var spans = codings.Select(c => new AgreementSpan(versionToDocument[c.VersionId], Id(c.CodeId), names[c.CoderId], c.Start, c.End)).ToList();
        var input = new AgreementInput(documents, round.Coders.Select(c => names[c.Id]).ToList(), codeKeys.Select(Id).ToList(), spans);
        return (input, codeKeys.ToDictionary(Id, id => codeNames.GetValueOrDefault(id, Id(id))));
    }

    /// <summary>Display names of a round's coders, made unique when two accounts share a name.</summary>
    private static Dictionary<long, string> CoderLabels(CodingRound round) =>
        round.Coders.ToDictionary(c => c.Id, c => round.Coders.Count(o => o.Name == c.Name) > 1 ? $"{c.Name} ({c.Id})" : c.Name);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
