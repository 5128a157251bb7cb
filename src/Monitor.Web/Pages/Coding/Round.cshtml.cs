using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Coding.Agreement;
using Monitor.Core.Coding;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Coding;

/// <summary>
/// One blind double-coding round: its documents (coded inside the round), closing it, and after closing the
/// agreement figures with their formulas and counts, and the disagreements side by side to settle.
/// </summary>
[ProjectPermission(Capability.CodeData)]
public sealed class RoundModel : CodingPageModel
{
    private readonly CodingDocumentStore _documents;
    private readonly RoundStore _rounds;
    private readonly RoundAgreement _agreement;

    public RoundModel(ProjectStore projects, CodingDocumentStore documents, RoundStore rounds, RoundAgreement agreement) : base(projects)
    {
        _documents = documents;
        _rounds = rounds;
        _agreement = agreement;
    }

    public CodingRound Round { get; private set; } = null!;

    public IReadOnlyList<CodingDocument> Documents { get; private set; } = [];

    /// <summary>The frozen agreement of a closed round, with the document versions it was computed on.</summary>
    public RoundResult? Result { get; private set; }

    public AgreementReport? Agreement => Result?.Figures.Report;

    public IReadOnlyList<RoundDifference> Differences { get; private set; } = [];

    public bool IsCoder { get; private set; }

    private string Back => $"/projecten/{ProjectId}/codering/rondes/{Round.Id}";

    public async Task<IActionResult> OnGetAsync(long id, long roundId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, roundId, cancellationToken))
        {
            return NotFound();
        }

        var all = await _documents.ListDocumentsAsync(id, cancellationToken);
        Documents = all.Where(d => Round.DocumentIds.Contains(d.Id)).ToList();
        if (Round.Status == RoundStatus.Gesloten)
        {
            Result = await _agreement.ResultAsync(id, roundId, cancellationToken);
            Differences = await _rounds.DifferencesAsync(id, roundId, cancellationToken);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(long id, long roundId, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken) || await _rounds.FindRoundAsync(id, roundId, cancellationToken) is not { } round)
        {
            return false;
        }

        Round = round;
        IsCoder = round.Coders.Any(c => c.Id == User.UserId());
        return true;
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, long roundId, CancellationToken cancellationToken) =>
        await LoadAsync(id, roundId, cancellationToken)
            ? await ChangeAsync(() => _rounds.CloseRoundAsync(id, roundId, User.ToActor(), cancellationToken), "Coding.Round.Closed", Back)
            : NotFound();

    public async Task<IActionResult> OnPostSettleAsync(long id, long roundId, long differenceId, bool accept, string? valence, CancellationToken cancellationToken) =>
        await LoadAsync(id, roundId, cancellationToken)
            ? await ChangeAsync(() =>
            {
                var input = new FieldParser();
                var parsed = input.Code<Valence>(valence, "valence", "valentie");
                input.ThrowIfAny();
                return _rounds.SettleAsync(id, roundId, differenceId, accept, parsed, User.ToActor(), cancellationToken);
            }, accept ? "Coding.Round.Accepted" : "Coding.Round.Rejected", Back + "#verschillen")
            : NotFound();

    public string Name(string codeKey) => Result is not null && Result.Figures.CodeNames.TryGetValue(codeKey, out var name) ? name : codeKey;

    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) + " %" : "—";

    public static string Number(double? value) => value is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.CurrentCulture) : "—";
}
