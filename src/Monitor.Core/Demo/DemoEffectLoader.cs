using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Effects;
using Monitor.Core.Effects.Linkage;
using Monitor.Core.Effects.Statistics;

namespace Monitor.Core.Demo;

/// <summary>
/// The effect measurement of Arnhem's Samen Beslissen (seed 000, domain.md §5.1), reconstructed from the seed's facts:
/// the professionals' questionnaire (5-point Likert, the seed's three open questions) with a voormeting at the end of
/// February 2022 (60 respondents) and a nameting in July 2022 (19 trained against 19 untrained, one-sided), and the
/// clients' card (5 questions with smileys) from mid-May to mid-August 2022 (27 yellow cards of trained professionals'
/// clients against 39 white). The seed gives no closed item wordings and no answers: the items are reconstructed and
/// every answer is synthetic (a seeded random generator, the same on every load), as the titles and round names say.
/// A few voormeting and nameting answers share a synthetic personal code (linked pairs), and a MIDI survey has two
/// synthetic rounds (spring and autumn 2022) for the profile over rounds. Only when the demo project has no questionnaires yet.
/// </summary>
public sealed class DemoEffectLoader
{
    public const string Slug = "samen-beslissen-arnhem";
    public const string Synthetic = "synthetische antwoorden";

    private static readonly Actor _actor = new(null, "Onderzoeker (demo)");

    private static readonly string[] _advantages =
    [
        "Cliënten voelen zich meer gehoord.", "Het gesprek gaat meer over wat de cliënt zelf wil.", "Afspraken worden beter nagekomen.",
        "Ik weet beter wat de cliënt belangrijk vindt.", "Minder discussie over de volgende stap.",
    ];

    private static readonly string[] _drawbacks =
    [
        "Het kost meer tijd per gesprek.", "Niet alle cliënten willen meebeslissen.", "De regels van de Participatiewet laten weinig keuze.",
        "Drukte in het team maakt het lastig.", "Ik vergeet de waaier te gebruiken.",
    ];

    private static readonly string[] _solutions =
    [
        "Meer tijd plannen voor het eerste gesprek.", "Intervisie over Samen Beslissen in het team.", "De waaier op tafel leggen bij elk gesprek.",
        "Uitleggen waar wel keuzeruimte is.", "Een opfrisbijeenkomst na een half jaar.",
    ];

    private readonly MonitorDatabase _database;
    private readonly QuestionnaireStore _questionnaires;
    private readonly SurveyRoundStore _rounds;
    private readonly MidiSurveyStore _midi;

    public DemoEffectLoader(MonitorDatabase database, QuestionnaireStore questionnaires, SurveyRoundStore rounds, MidiSurveyStore midi)
    {
        _database = database;
        _questionnaires = questionnaires;
        _rounds = rounds;
        _midi = midi;
    }

    /// <summary>The responses written (0 when the demo project is absent or already has questionnaires).</summary>
    public async Task<int> LoadIfNeededAsync(CancellationToken cancellationToken = default)
    {
        long projectId;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        {
            if (await connection.ScalarLongAsync(null, "SELECT id FROM projects WHERE slug = @slug AND is_demo = 1;", cancellationToken, ("@slug", Slug)) is not { } id
                || await connection.ScalarLongAsync(null, "SELECT count(*) FROM questionnaires WHERE project_id = @p;", cancellationToken, ("@p", id)) > 0)
            {
                return 0;
            }

            projectId = id;
        }

        var random = new Random(2022);
        var pending = new List<PendingResponse>();
        var professionals = (await _questionnaires.CreateAsync(projectId, $"Vragenlijst re-integratieprofessionals (gereconstrueerd, {Synthetic})", TargetGroup.Professionals,
        [
            new ItemDraft("Ik vertel de cliënt dat er een keuze te maken is over de volgende stap.", ItemKind.Likert5, Section: "Samen Beslissen"),
            new ItemDraft("Ik leg de cliënt de mogelijkheden uit, met hun voor- en nadelen.", ItemKind.Likert5, Section: "Samen Beslissen"),
            new ItemDraft("Ik vraag de cliënt wat voor hem of haar belangrijk is.", ItemKind.Likert5, Section: "Samen Beslissen"),
            new ItemDraft("Ik neem samen met de cliënt een besluit over de volgende stap.", ItemKind.Likert5, Section: "Samen Beslissen"),
            new ItemDraft("Samen beslissen kost mij te veel tijd.", ItemKind.Likert5, ReverseScored: true, Section: "Samen Beslissen"),
            new ItemDraft("Ervaar je bepaalde voordelen door te werken volgens 'Inwoner centraal', waaronder 'Samen Beslissen'?", ItemKind.Open, Section: "Open vragen"),
            new ItemDraft("Welke nadelen of knelpunten ervaar je door te werken volgens 'Inwoner centraal', waaronder 'Samen Beslissen'?", ItemKind.Open, Section: "Open vragen"),
            new ItemDraft("Wat zijn mogelijke oplossingen voor deze knelpunten?", ItemKind.Open, Section: "Open vragen"),
        ], _actor, cancellationToken))!.Value;
        var professionalItems = (await _questionnaires.ListAsync(projectId, cancellationToken)).Single(q => q.Id == professionals);

        // voormeting: 60 respondents, before the training (the later trained 20 and the others); no difference expected
        var pre = (await _rounds.CreateAsync(projectId, professionals, new RoundDraft($"Voormeting februari 2022 ({Synthetic})", Measurement.Voormeting,
            new DateOnly(2022, 2, 21), new DateOnly(2022, 3, 31), null, Sidedness.Groter), _actor, cancellationToken))!.Value;
        Answer(pending, professionalItems, pre, Condition.Getraind, 20, [0.05, 0.15, 0.35, 0.35, 0.10], random);
        Answer(pending, professionalItems, pre, Condition.Ongetraind, 40, [0.05, 0.15, 0.35, 0.35, 0.10], random);

        // nameting: 19 trained against 19 untrained, tested one-sided (trained higher)
        var post = (await _rounds.CreateAsync(projectId, professionals, new RoundDraft($"Nameting juli 2022 ({Synthetic})", Measurement.Nameting,
            new DateOnly(2022, 7, 1), new DateOnly(2022, 7, 31), null, Sidedness.Groter), _actor, cancellationToken))!.Value;
        Answer(pending, professionalItems, post, Condition.Getraind, 19, [0.0, 0.05, 0.15, 0.50, 0.30], random);
        Answer(pending, professionalItems, post, Condition.Ongetraind, 19, [0.05, 0.15, 0.30, 0.40, 0.10], random);

        // a few respondents gave the same personal code in both rounds (the seed could link only a few): 8 trained and 7
        // untrained pairs, so the linkage page and the chapter show pairs per condition and the difference of change
        Link(pending, pre, post, Condition.Getraind, 8, 0);
        Link(pending, pre, post, Condition.Ongetraind, 7, 20);

        // the clients' card: 5 questions with smileys, yellow (trained professional) or white, typed in from paper; mostly high answers (the seed's ceiling effect)
        var card = (await _questionnaires.CreateAsync(projectId, $"Kaart nameting cliënten (gereconstrueerd, {Synthetic})", TargetGroup.Clienten,
        [
            new ItemDraft("Mijn klantmanager vroeg wat ik belangrijk vind.", ItemKind.Smiley5),
            new ItemDraft("Ik kreeg uitleg over de keuzes die er zijn.", ItemKind.Smiley5),
            new ItemDraft("Ik mocht meebeslissen over de volgende stap.", ItemKind.Smiley5),
            new ItemDraft("Ik voelde me gehoord.", ItemKind.Smiley5),
            new ItemDraft("Ik weet wat de volgende stap is.", ItemKind.Smiley5),
        ], _actor, cancellationToken))!.Value;
        var cardItems = (await _questionnaires.ListAsync(projectId, cancellationToken)).Single(q => q.Id == card);
        var cards = (await _rounds.CreateAsync(projectId, card, new RoundDraft($"Kaart cliënten mei–augustus 2022 ({Synthetic})", Measurement.Nameting,
            new DateOnly(2022, 5, 16), new DateOnly(2022, 8, 15), null, Sidedness.Groter), _actor, cancellationToken))!.Value;
        Answer(pending, cardItems, cards, Condition.Getraind, 27, [0.0, 0.04, 0.10, 0.36, 0.50], random, ResponseSource.Papier);
        Answer(pending, cardItems, cards, Condition.Ongetraind, 39, [0.03, 0.05, 0.17, 0.35, 0.40], random, ResponseSource.Papier);

        // the MIDI survey in two rounds (not in the seed: synthetic, to show the profile over rounds): in spring a quarter of
        // the determinants a barrier; in autumn most of those neutral and some facilitators
        var midi = (await _midi.CreateAsync(projectId, $"Determinanten Samen Beslissen ({Synthetic})", TargetGroup.Professionals, new MidiThresholds(), _actor, cancellationToken))!.Value;
        var midiItems = (await _questionnaires.ListAsync(projectId, cancellationToken)).Single(q => q.Id == midi);
        var spring = (await _rounds.CreateAsync(projectId, midi, new RoundDraft($"MIDI voorjaar 2022 ({Synthetic})", Measurement.Voormeting,
            new DateOnly(2022, 3, 14), new DateOnly(2022, 4, 8), 40, Sidedness.Tweezijdig), _actor, cancellationToken))!.Value;
        var autumn = (await _rounds.CreateAsync(projectId, midi, new RoundDraft($"MIDI najaar 2022 ({Synthetic})", Measurement.Tussenmeting,
            new DateOnly(2022, 10, 3), new DateOnly(2022, 10, 28), 40, Sidedness.Tweezijdig), _actor, cancellationToken))!.Value;
        double[] Spring(QuestionnaireItem item) => item.Position % 4 == 1 ? [0.15, 0.20, 0.30, 0.25, 0.10] : [0.03, 0.07, 0.30, 0.40, 0.20];
        double[] Autumn(QuestionnaireItem item) => item.Position % 4 == 1 ? [0.05, 0.10, 0.35, 0.35, 0.15] : item.Position % 3 == 0 ? [0.0, 0.02, 0.08, 0.45, 0.45] : [0.02, 0.06, 0.27, 0.45, 0.20];
        Answer(pending, midiItems, spring, Condition.Getraind, 12, Spring, random, openAnswers: false);
        Answer(pending, midiItems, spring, Condition.Ongetraind, 18, Spring, random, openAnswers: false);
        Answer(pending, midiItems, autumn, Condition.Getraind, 14, Autumn, random, openAnswers: false);
        Answer(pending, midiItems, autumn, Condition.Ongetraind, 13, Autumn, random, openAnswers: false);
        return await WriteAsync(pending, projectId, cancellationToken);
    }

    private sealed record PendingResponse(long RoundId, Condition Condition, ResponseSource Source, long ProjectId, List<(long Item, double? Value, string? Text)> Answers)
    {
        /// <summary>A synthetic personal code ("DE013") that links this response to one in another round.</summary>
        public PersonalCode? Code { get; set; }
    }

    /// <summary>Gives the first <paramref name="count"/> responses of a condition in the nameting and the responses from <paramref name="preOffset"/> on in the voormeting the same synthetic code.</summary>
    private static void Link(List<PendingResponse> pending, long pre, long post, Condition condition, int count, int preOffset)
    {
        var before = pending.Where(p => p.RoundId == pre).Skip(preOffset).Take(count).ToList();
        var after = pending.Where(p => p.RoundId == post && p.Condition == condition).Take(count).ToList();
        for (var i = 0; i < count; i++)
        {
            var code = new PersonalCode("DE", 1 + ((preOffset + i) % 31), (preOffset + i) / 31);
            before[i].Code = code;
            after[i].Code = code;
        }
    }

    /// <summary>Every synthetic response in one transaction: one write at start-up rather than one per response.</summary>
    private async Task<int> WriteAsync(List<PendingResponse> pending, long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var secret = await RespondentKeys.SecretAsync(connection, transaction, projectId, cancellationToken);
        foreach (var response in pending)
        {
            var key = response.Code is { } code ? RespondentKeys.ForCode(secret, code) : null;
            await _rounds.WriteAsync(connection, transaction, response.RoundId, response.Condition, response.Source, response.Answers, key, _actor, response.ProjectId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>Adds <paramref name="count"/> synthetic responses, checked like any answer: each scale item drawn from <paramref name="shares"/> (answers 1–5; turned around for a reverse-scored item), about half the open questions answered.</summary>
    private static void Answer(List<PendingResponse> pending, Questionnaire questionnaire, long roundId, Condition condition, int count, double[] shares, Random random,
        ResponseSource source = ResponseSource.Import) =>
        Answer(pending, questionnaire, roundId, condition, count, _ => shares, random, source);

    /// <summary>As above with shares per item; a yes/no item is "ja" for a drawn 4–5, "nee" for 1–2, else "weet niet"; without <paramref name="openAnswers"/> open items stay empty.</summary>
    private static void Answer(List<PendingResponse> pending, Questionnaire questionnaire, long roundId, Condition condition, int count, Func<QuestionnaireItem, double[]> shares,
        Random random, ResponseSource source = ResponseSource.Import, bool openAnswers = true)
    {
        for (var r = 0; r < count; r++)
        {
            var answers = new Dictionary<long, string?>();
            var openIndex = 0;
            foreach (var item in questionnaire.Items)
            {
                if (item.Kind == ItemKind.Open && !openAnswers)
                {
                    continue;
                }

                if (item.Kind == ItemKind.JaNeeWeetNiet)
                {
                    answers[item.Id] = Draw(shares(item), random) switch { >= 4 => "ja", <= 2 => "nee", _ => "weetniet" };
                    continue;
                }

                if (item.Kind == ItemKind.Open)
                {
                    var pool = (openIndex++ % 3) switch { 0 => _advantages, 1 => _drawbacks, _ => _solutions };
                    if (random.NextDouble() < 0.5)
                    {
                        answers[item.Id] = pool[random.Next(pool.Length)];
                    }

                    continue;
                }

                var answer = Draw(shares(item), random);
                answers[item.Id] = (item.ReverseScored ? 6 - answer : answer).ToString(CultureInfo.InvariantCulture);
            }

            var errors = new List<ValidationError>();
            var parsed = SurveyRoundStore.ParseAnswers(questionnaire, answers, errors);
            Checks.ThrowIfAny(errors);
            pending.Add(new PendingResponse(roundId, condition, source, questionnaire.ProjectId, parsed));
        }
    }

    private static int Draw(double[] shares, Random random)
    {
        var x = random.NextDouble() * shares.Sum();
        for (var i = 0; i < shares.Length; i++)
        {
            x -= shares[i];
            if (x < 0)
            {
                return i + 1;
            }
        }

        return shares.Length;
    }
}
