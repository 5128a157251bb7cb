using Monitor.Core.Charts;
using Monitor.Core.Coding;
using Monitor.Core.Frameworks;
using Monitor.Core.Planning;
using Monitor.Core.Projects;

namespace Monitor.Core.Effects;

/// <summary>
/// The MIDI surveys of a project tracked over their rounds: per round (by opening date) the profile of all respondents and,
/// when a condition has at least <c>minimumGroup</c> respondents, of that condition, with the project phase on the round's
/// date; beside them, per determinant, the fragments coded in minutes and other documents (facilitating and hindering).
/// </summary>
public sealed class MidiReader
{
    private readonly MidiSurveyStore _surveys;
    private readonly QuestionnaireStore _questionnaires;
    private readonly SurveyRoundStore _rounds;
    private readonly FrameworkStore _frameworks;
    private readonly FragmentQueries _fragments;
    private readonly ProjectStore _projects;
    private readonly PlanStore _plans;

    public MidiReader(MidiSurveyStore surveys, QuestionnaireStore questionnaires, SurveyRoundStore rounds, FrameworkStore frameworks, FragmentQueries fragments, ProjectStore projects, PlanStore plans)
    {
        _surveys = surveys;
        _questionnaires = questionnaires;
        _rounds = rounds;
        _frameworks = frameworks;
        _fragments = fragments;
        _projects = projects;
        _plans = plans;
    }

    /// <summary>Null when there is no such project; rounds opening after <paramref name="asOf"/> are left out.</summary>
    public async Task<MidiTracking?> ReadAsync(long projectId, DateOnly asOf, int minimumGroup, CancellationToken cancellationToken = default)
    {
        if (await _projects.FindAsync(projectId, cancellationToken) is not { } project)
        {
            return null;
        }

        var history = await _plans.FindPlanAsync(projectId, cancellationToken) is { } plan
            ? PhaseHistory.From(project.StartDate, plan)
            : PhaseHistory.From(project.StartDate, project.CurrentPhase, []);
        var groups = await _frameworks.ListMidiGroupsAsync(cancellationToken);
        var names = MidiRoundProfile.Names(groups);
        var unverified = groups.SelectMany(g => g.Determinants).Where(d => !d.QuestionVerified).Select(d => d.Number).ToHashSet();
        var questionnaires = await _questionnaires.ListAsync(projectId, cancellationToken);
        var rounds = await _rounds.ListAsync(projectId, cancellationToken);
        var surveys = new List<MidiSurveyTracking>();
        foreach (var survey in await _surveys.ListAsync(projectId, cancellationToken))
        {
            var questionnaire = questionnaires.Single(q => q.Id == survey.QuestionnaireId);
            var profiles = new List<MidiRoundProfile>();
            foreach (var round in rounds.Where(r => r.QuestionnaireId == survey.QuestionnaireId && r.OpensOn <= asOf))
            {
                var responses = await _rounds.ResponsesAsync(projectId, round.Id, cancellationToken);
                var phase = history.At(round.OpensOn);
                profiles.Add(MidiRoundProfile.Of(survey, questionnaire, round, responses.Count >= minimumGroup ? responses : [], null, phase, names));
                foreach (var condition in Enum.GetValues<Condition>().Where(c => responses.Count(r => r.Condition == c) >= minimumGroup && responses.Any(r => r.Condition != c)))
                {
                    profiles.Add(MidiRoundProfile.Of(survey, questionnaire, round, responses, condition, phase, names));
                }
            }

            surveys.Add(new MidiSurveyTracking(questionnaire.Id, questionnaire.Title, survey.Thresholds, survey.Determinants.Values.Count(unverified.Contains), profiles));
        }

        var coded = (await _fragments.FrequenciesAsync(projectId, cancellationToken))
            .Where(f => f.Code.Key is { } key && key.StartsWith("midi-", StringComparison.Ordinal) && int.TryParse(key.AsSpan(5), out _))
            .GroupBy(f => int.Parse(f.Code.Key!.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => new CodedDeterminant(g.Key, names.GetValueOrDefault(g.Key, $"determinant {g.Key}"), g.Sum(f => f.Barriers), g.Sum(f => f.Facilitators), g.Sum(f => f.Codings)))
            .OrderBy(c => c.Determinant).ToList();
        return new MidiTracking(surveys, coded);
    }
}

/// <summary>The MIDI surveys of a project with their round profiles, and the determinants coded in documents.</summary>
public sealed record MidiTracking(IReadOnlyList<MidiSurveyTracking> Surveys, IReadOnlyList<CodedDeterminant> Coded);

/// <summary>
/// One MIDI survey over its rounds (per round: all respondents first, then each condition large enough), and how many of
/// its questions are paraphrases not checked against the MIDI manual (<see cref="MidiDeterminant.QuestionVerified"/>).
/// </summary>
public sealed record MidiSurveyTracking(long QuestionnaireId, string Title, MidiThresholds Thresholds, int UnverifiedQuestions, IReadOnlyList<MidiRoundProfile> Rounds)
{
    /// <summary>The latest round with answers from all respondents, for the profile chart; null when none.</summary>
    public MidiRoundProfile? Latest => Rounds.LastOrDefault(r => r.Condition is null && r.Responses > 0);

    /// <summary>The longest round name used as a column label of <see cref="OverRoundsChart"/>.</summary>
    public const int ColumnLabelMaxLength = 24;

    /// <summary>The rounds with answers from all respondents, in order: the columns of the profile over rounds.</summary>
    public IReadOnlyList<MidiRoundProfile> AllRespondentRounds() => [.. Rounds.Where(r => r.Condition is null && r.Responses > 0)];

    /// <summary>
    /// The profile over rounds as a heatmap: a row per determinant answered in any round, a column per round (long names
    /// shortened to "Ronde n (maand jaar)"), the share answering negatively in each cell (darker is more negative); the verdicts are in <see cref="OverRoundsTable"/>.
    /// </summary>
    public HeatmapChartSpec OverRoundsChart(string id, string title)
    {
        var rounds = AllRespondentRounds();
        var rows = Determinants(rounds);
        var cells = new List<HeatmapCell>();
        for (var c = 0; c < rounds.Count; c++)
        {
            foreach (var result in rounds[c].Determinants.Where(d => d.Verdict.N > 0))
            {
                var share = result.Verdict.NegativeShare;
                cells.Add(new HeatmapCell(rows.FindIndex(r => r.Number == result.Determinant), c, share * 100, LikertChartSpec.Percent(share) + " %"));
            }
        }

        return new HeatmapChartSpec
        {
            Id = id,
            Title = title,
            Description = $"Per MIDI-determinant (rijen) en ronde (kolommen) het deel van de respondenten dat negatief antwoordde, na omscoren; " +
                $"vanaf {LikertChartSpec.Percent(Thresholds.Barrier)} % telt een determinant als belemmerend. Hoe donkerder, hoe negatiever.",
            Rows = [.. rows.Select(r => $"{r.Number}. {r.Name}")],
            // long round names do not fit under a column: those become "Ronde 2 (okt 2022)"; the verdict table keeps the full names
            Columns = [.. rounds.Select((r, i) => r.RoundName.Length <= ColumnLabelMaxLength ? r.RoundName
                : $"Ronde {i + 1} ({r.OpensOn.ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")).Replace(".", "", StringComparison.Ordinal)})")],
            Cells = cells,
            RowHeader = "Determinant",
        };
    }

    /// <summary>The profile over rounds as a table: per determinant and round the verdict with the share negative ("belemmerend (35 % negatief)"); "–" where not asked or unanswered.</summary>
    public (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) OverRoundsTable()
    {
        var rounds = AllRespondentRounds();
        var rows = Determinants(rounds).Select(d => (IReadOnlyList<string>)
        [
            $"{d.Number}. {d.Name}",
            .. rounds.Select(r => r.Determinants.FirstOrDefault(x => x.Determinant == d.Number) is { Verdict.N: > 0 } result
                ? $"{MidiRoundProfile.OutcomeText(result.Verdict.Outcome)} ({LikertChartSpec.Percent(result.Verdict.NegativeShare)} % negatief)"
                : "–"),
        ]).ToList();
        return (["Determinant", .. rounds.Select(r => r.RoundName)], rows);
    }

    private static List<(int Number, string Name)> Determinants(IReadOnlyList<MidiRoundProfile> rounds) =>
        [.. rounds.SelectMany(r => r.Determinants).Where(d => d.Verdict.N > 0).Select(d => (Number: d.Determinant, d.Name)).DistinctBy(d => d.Number).OrderBy(d => d.Number)];
}

/// <summary>How often a determinant was coded in documents (minutes, reflections, uploads): as barrier, as facilitator, and in all.</summary>
public sealed record CodedDeterminant(int Determinant, string Name, int Barriers, int Facilitators, int Codings);
