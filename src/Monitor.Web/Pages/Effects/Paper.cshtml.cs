using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Effects;
using Monitor.Core.Projects;
using Monitor.Web.Endpoints;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Effects;

/// <summary>
/// Typing in a paper card (projectleider and onderzoeker): every item of the round's questionnaire, the condition from
/// the card's colour (geel: client of a trained professional; wit: untrained) and the personal code if the card has one;
/// stored as paper through the same Core code as the paper API, checked item by item in Dutch.
/// </summary>
[ProjectPermission(Capability.ManageFindings)]
public sealed class PaperModel : ProjectPageModel
{
    private readonly QuestionnaireStore _questionnaires;
    private readonly SurveyRoundStore _rounds;

    public PaperModel(ProjectStore projects, QuestionnaireStore questionnaires, SurveyRoundStore rounds) : base(projects)
    {
        _questionnaires = questionnaires;
        _rounds = rounds;
    }

    public IReadOnlyList<MeasurementRound> Rounds { get; private set; } = [];

    public MeasurementRound? Round { get; private set; }

    public Questionnaire? Questionnaire { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? ronde, CancellationToken cancellationToken) =>
        await LoadAsync(id, ronde, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, long ronde, string? colour, string? personalCode, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, ronde, cancellationToken) || Questionnaire is null)
        {
            return NotFound();
        }

        return await ChangeAsync(async () =>
        {
            var fields = new FieldParser();
            Condition? condition = colour switch { "geel" => Condition.Getraind, "wit" => Condition.Ongetraind, _ => null };
            if (condition is null)
            {
                fields.Add("colour", "Kies de kleur van de kaart: geel (cliënt van een getrainde professional) of wit (niet getraind).");
            }

            var code = EffectEndpoints.PaperCode(fields, personalCode);
            var answers = Questionnaire.Items.ToDictionary(i => i.Id, i => (string?)Request.Form[$"item{i.Id}"].ToString());
            var errors = new List<Monitor.Core.Common.ValidationError>(fields.Errors);
            SurveyRoundStore.ParseAnswers(Questionnaire, answers, errors);
            Monitor.Core.Common.Checks.ThrowIfAny(errors);
            return await _rounds.AddPaperAsync(id, ronde, condition!.Value, answers, User.ToActor(), code, cancellationToken) is { } responseId
                ? responseId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : null;
        }, "Paper.Saved", $"/projecten/{id}/effectmeting/papier?ronde={ronde}");
    }

    private async Task<bool> LoadAsync(long id, long? roundId, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return false;
        }

        Rounds = await _rounds.ListAsync(id, cancellationToken);
        Round = Rounds.SingleOrDefault(r => r.Id == roundId);
        Questionnaire = Round is null ? null : (await _questionnaires.ListAsync(id, cancellationToken)).Single(q => q.Id == Round.QuestionnaireId);
        return true;
    }
}
