using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Monitor.Core.Accounts;
using Monitor.Core.Charts;
using Monitor.Core.Common;
using Monitor.Core.Effects;
using Monitor.Core.Frameworks;
using Monitor.Core.Effects.Statistics;
using Monitor.Core.Projects;
using Monitor.Web.Forms;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Effects;

/// <summary>
/// Effect measurement of a project: its questionnaires and rounds, the anonymous links per condition, and per round the
/// comparison of trained and untrained respondents per item. Projectleider and onderzoeker make questionnaires, rounds and
/// links; management sees the analysis with the small-group rule.
/// </summary>
[ProjectPermission(Capability.ViewReports)]
public sealed class IndexModel : ProjectPageModel
{
    private readonly QuestionnaireStore _questionnaires;
    private readonly SurveyRoundStore _rounds;
    private readonly IAuthorizationService _authorization;
    private readonly MidiSurveyStore _midiSurveys;
    private readonly MidiReader _midi;
    private readonly OpenAnswerCoding _openAnswers;
    private readonly FrameworkStore _frameworks;
    private readonly IChartRenderer _charts;
    private readonly TimeProvider _time;
    private readonly AccountStore _accounts;

    public IndexModel(ProjectStore projects, QuestionnaireStore questionnaires, SurveyRoundStore rounds, IAuthorizationService authorization, MidiSurveyStore midiSurveys, MidiReader midi,
        OpenAnswerCoding openAnswers, FrameworkStore frameworks, IChartRenderer charts, TimeProvider time, AccountStore accounts) : base(projects)
    {
        _accounts = accounts;
        _questionnaires = questionnaires;
        _rounds = rounds;
        _authorization = authorization;
        _midiSurveys = midiSurveys;
        _midi = midi;
        _openAnswers = openAnswers;
        _frameworks = frameworks;
        _charts = charts;
        _time = time;
    }

    /// <summary>Per round the answers per item and group as diverging stacked bars (absent when no 5-point item was compared).</summary>
    public IReadOnlyDictionary<long, ShownChart> AnswerCharts { get; private set; } = new Dictionary<long, ShownChart>();

    /// <summary>The MIDI surveys over their rounds, with the determinants coded in documents.</summary>
    public MidiTracking? Midi { get; private set; }

    /// <summary>Per MIDI survey the profile of its latest round as a chart.</summary>
    public IReadOnlyDictionary<long, ShownChart> MidiCharts { get; private set; } = new Dictionary<long, ShownChart>();

    /// <summary>Per MIDI survey with two rounds or more the share negative per determinant and round, as a heatmap.</summary>
    public IReadOnlyDictionary<long, ShownChart> MidiRoundCharts { get; private set; } = new Dictionary<long, ShownChart>();

    public IReadOnlyList<MovisiePhase> Phases { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanManage { get; private set; }

    public IReadOnlyList<Questionnaire> Questionnaires { get; private set; } = [];

    /// <summary>The questionnaires of other projects the user may read, to copy into this one.</summary>
    public IReadOnlyList<CopySource> CopySources { get; private set; } = [];

    public IReadOnlyList<MeasurementRound> Rounds { get; private set; } = [];

    public IReadOnlyDictionary<long, SurveyAnalysis> Analyses { get; private set; } = new Dictionary<long, SurveyAnalysis>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Questionnaires = await _questionnaires.ListAsync(id, cancellationToken);
        Rounds = await _rounds.ListAsync(id, cancellationToken);
        var analyses = new Dictionary<long, SurveyAnalysis>();
        foreach (var round in Rounds)
        {
            var questionnaire = Questionnaires.Single(q => q.Id == round.QuestionnaireId);
            analyses[round.Id] = SurveyAnalysis.Analyse(questionnaire, round, await _rounds.ResponsesAsync(id, round.Id, cancellationToken), CanManage ? 1 : SurveyAnalysis.ManagementMinimum);
        }

        Analyses = analyses;
        Today = DutchClock.Today(_time);
        AnswerCharts = analyses.Select(a => (a.Key, Chart: EffectCharts.Answers(a.Value, $"antwoorden-{a.Key}", T["Effects.AnswersChart"])))
            .Where(a => a.Chart is not null).ToDictionary(a => a.Key, a => ShownChart.Of(_charts, a.Chart!));
        Midi = await _midi.ReadAsync(id, Today, CanManage ? 1 : SurveyAnalysis.ManagementMinimum, cancellationToken);
        MidiCharts = (Midi?.Surveys ?? []).Where(s => s.Latest is not null)
            .ToDictionary(s => s.QuestionnaireId, s => ShownChart.Of(_charts, s.Latest!.Chart(s.Thresholds, $"midi-{s.QuestionnaireId}", $"{T["MidiSurvey.Profile"]}: {s.Latest.RoundName}")));
        MidiRoundCharts = (Midi?.Surveys ?? []).Where(s => s.AllRespondentRounds().Count >= 2)
            .ToDictionary(s => s.QuestionnaireId, s => ShownChart.Of(_charts, s.OverRoundsChart($"midi-rondes-{s.QuestionnaireId}", $"{T["Rounds.MidiOverRounds"]}: {s.Title}")));
        Phases = await _frameworks.ListPhasesAsync(cancellationToken);
        if (CanManage)
        {
            CopySources = await _questionnaires.CopySourcesAsync(id, await ProjectAccess.ProjectsAllowingAsync(User, _accounts, Capability.ViewReports, cancellationToken), cancellationToken);
        }

        return Page();
    }

    /// <summary>Items one per line (<see cref="ItemLines"/>: "enkelekeuze | Uw functie? | klantmanager; jobcoach"), the default labels of Likert items and custom labels one per line.</summary>
    public async Task<IActionResult> OnPostQuestionnaireAsync(long id, string? title, string? targetGroup, string? items, string? labelSet, string? customLabels, CancellationToken cancellationToken) =>
        await ManageAsync(id, async () =>
        {
            var fields = new FieldParser();
            var target = fields.RequiredCode<TargetGroup>(targetGroup, "targetGroup", "doelgroep");
            var errors = new List<ValidationError>();
            var drafts = ItemLines.Parse(items, labelSet, customLabels, errors);
            foreach (var error in errors)
            {
                fields.Add(error.Field, error.Message);
            }

            fields.ThrowIfAny();
            return await _questionnaires.CreateAsync(id, title ?? "", target!.Value, drafts, User.ToActor(), cancellationToken) is null ? null : (title ?? "").Trim();
        }, "Effects.QuestionnaireMade", cancellationToken);

    /// <summary>A copy of a questionnaire of another project the user may read.</summary>
    public async Task<IActionResult> OnPostCopyAsync(long id, long? fromQuestionnaireId, CancellationToken cancellationToken) =>
        await ManageAsync(id, async () =>
        {
            var readable = await ProjectAccess.ProjectsAllowingAsync(User, _accounts, Capability.ViewReports, cancellationToken);
            return fromQuestionnaireId is { } from && await _questionnaires.CopyAsync(id, from, readable, User.ToActor(), cancellationToken) is { } made
                ? await TitleAsync(id, made, cancellationToken) : null;
        }, "Effects.QuestionnaireCopied", cancellationToken);

    /// <summary>"Nieuwe versie": the questionnaire copied as version n + 1; earlier rounds keep theirs.</summary>
    public async Task<IActionResult> OnPostVersionAsync(long id, long questionnaireId, CancellationToken cancellationToken) =>
        await ManageAsync(id, async () =>
            await _questionnaires.NewVersionAsync(id, questionnaireId, User.ToActor(), cancellationToken) is { } made ? await TitleAsync(id, made, cancellationToken) : null,
            "Effects.VersionMade", cancellationToken);

    private async Task<string> TitleAsync(long id, long questionnaireId, CancellationToken cancellationToken) =>
        (await _questionnaires.ListAsync(id, cancellationToken)).Single(q => q.Id == questionnaireId).Title;

    public async Task<IActionResult> OnPostRoundAsync(long id, long questionnaireId, string? name, string? measurement, string? opensOn, string? closesOn, string? intended, string? sidedness, CancellationToken cancellationToken) =>
        await ManageAsync(id, async () =>
        {
            var fields = new FieldParser();
            var kind = fields.RequiredCode<Measurement>(measurement, "measurement", "meting");
            var opens = fields.RequiredDate(opensOn, "opensOn", "de openingsdatum");
            var closes = fields.RequiredDate(closesOn, "closesOn", "de sluitingsdatum");
            var side = fields.Code<Sidedness>(sidedness, "sidedness", "toetsrichting") ?? Sidedness.Tweezijdig;
            var wanted = fields.Integer(intended, "intended", "het beoogde aantal respondenten");
            fields.ThrowIfAny();
            return await _rounds.CreateAsync(id, questionnaireId, new RoundDraft(name ?? "", kind!.Value, opens!.Value, closes!.Value, wanted, side), User.ToActor(), cancellationToken) is null ? null : (name ?? "").Trim();
        }, "Effects.RoundMade", cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(long id, long roundId, string? condition, CancellationToken cancellationToken) =>
        await ManageAsync(id, async () =>
        {
            var fields = new FieldParser();
            var chosen = fields.RequiredCode<Condition>(condition, "condition", "conditie");
            fields.ThrowIfAny();
            return await _rounds.CreateLinkAsync(id, roundId, chosen!.Value, User.ToActor(), cancellationToken) is { } token ? $"{Request.Scheme}://{Request.Host}/vragenlijst/{token}" : null;
        }, "Effects.LinkMade", cancellationToken);

    /// <summary>The MIDI survey: a questionnaire of the 29 determinants' questions, with the thresholds in percent (default 20 and 80).</summary>
    public async Task<IActionResult> OnPostMidiAsync(long id, string? title, string? targetGroup, string? barrier, string? facilitator, CancellationToken cancellationToken) =>
        await ManageAsync(id, async () =>
        {
            var fields = new FieldParser();
            var target = fields.RequiredCode<TargetGroup>(targetGroup, "targetGroup", "doelgroep");
            var low = fields.Integer(barrier, "barrier", "de grens voor belemmerend") ?? 20;
            var high = fields.Integer(facilitator, "facilitator", "de grens voor bevorderend") ?? 80;
            fields.ThrowIfAny();
            return await _midiSurveys.CreateAsync(id, title ?? "", target!.Value, new MidiThresholds(low / 100.0, high / 100.0), User.ToActor(), cancellationToken) is null ? null : (title ?? "").Trim();
        }, "MidiSurvey.Made", cancellationToken);

    /// <summary>"Open antwoorden coderen": the open answers of a closed round become coding documents (a second time adds nothing).</summary>
    public async Task<IActionResult> OnPostCodeOpenAsync(long id, long roundId, CancellationToken cancellationToken) =>
        await ManageAsync(id, async () =>
            await _openAnswers.CreateDocumentsAsync(id, roundId, User.ToActor(), cancellationToken) is { } made ? made.Count.ToString(CultureInfo.CurrentCulture) : null,
            "Effects.OpenAnswersCoded", cancellationToken);

    private async Task<IActionResult> ManageAsync(long id, Func<Task<string?>> change, string messageKey, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return CanManage ? await ChangeAsync(change, messageKey, $"/projecten/{id}/effectmeting") : Forbid();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadProjectAsync(id, cancellationToken))
        {
            return false;
        }

        CanManage = (await _authorization.AuthorizeAsync(User, HttpContext, ProjectAccess.PolicyName(Capability.ManageFindings))).Succeeded;
        return true;
    }
}
