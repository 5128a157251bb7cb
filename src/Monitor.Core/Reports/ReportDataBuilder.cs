using System.Globalization;
using System.Text;
using Monitor.Core.Charts;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Findings;
using Monitor.Core.Frameworks;
using Monitor.Core.Innovation;
using Monitor.Core.Learning;
using Monitor.Core.Meetings;
using Monitor.Core.Participation;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Core.Reports.Templates;

namespace Monitor.Core.Reports;

/// <summary>
/// Collects what the two report templates can show (<see cref="ReportPlaceholders"/>) from the stores. Everything a person
/// typed is Markdown-escaped here; the texts are Markdown made by this class.
/// </summary>
public sealed class ReportDataBuilder
{
    private static readonly CultureInfo _dutch = CultureInfo.GetCultureInfo("nl-NL");
    private readonly ProjectStore _projects;
    private readonly PlanStore _plans;
    private readonly FrameworkStore _frameworks;
    private readonly GroupStore _groups;
    private readonly MeetingQueries _meetingQueries;
    private readonly CodingDocumentStore _documents;
    private readonly FragmentQueries _fragments;
    private readonly RoundStore _rounds;
    private readonly RoundAgreement _agreement;
    private readonly FindingStore _findings;
    private readonly IChartRenderer _charts;
    private readonly ActionItemStore _actionItems;
    private readonly LearningAgendaStore _learning;
    private readonly TimelineStore _timeline;
    private readonly InnovationUseReader _innovation;
    private readonly Effects.EffectReader _effects;
    private readonly PlanVersionStore _versions;
    private readonly Effects.MidiReader _midi;
    private readonly ParticipationStore _participation;

    public ReportDataBuilder(ProjectStore projects, PlanStore plans, FrameworkStore frameworks, GroupStore groups, MeetingQueries meetingQueries, CodingDocumentStore documents, FragmentQueries fragments, RoundStore rounds, RoundAgreement agreement, FindingStore findings, IChartRenderer charts, ActionItemStore actionItems, LearningAgendaStore learning, TimelineStore timeline, InnovationUseReader innovation, Effects.EffectReader effects, Effects.MidiReader midi, PlanVersionStore versions, ParticipationStore participation)
    {
        _versions = versions;
        _participation = participation;
        _effects = effects;
        _midi = midi;
        _innovation = innovation;
        _learning = learning;
        _timeline = timeline;
        _actionItems = actionItems;
        _charts = charts;
        _projects = projects;
        _plans = plans;
        _frameworks = frameworks;
        _groups = groups;
        _meetingQueries = meetingQueries;
        _documents = documents;
        _fragments = fragments;
        _rounds = rounds;
        _agreement = agreement;
        _findings = findings;
    }

    private sealed record Context(
        Projects.Project Project, ImplementationPlan? Plan, IReadOnlyList<MovisiePhase> Phases, IReadOnlyList<GroupInfo> Groups,
        IReadOnlyDictionary<long, IReadOnlyList<MeetingFacts>> Facts, IReadOnlyList<Fragment> Fragments, IReadOnlyList<Finding> Findings);

    private async Task<Context?> LoadAsync(long projectId, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(projectId, cancellationToken) is not { } project)
        {
            return null;
        }

        var groups = await _groups.ListGroupsAsync(projectId, cancellationToken) ?? [];
        var facts = new Dictionary<long, IReadOnlyList<MeetingFacts>>();
        foreach (var group in groups)
        {
            facts[group.Id] = await _meetingQueries.GetFactsAsync(group.Id, cancellationToken);
        }

        return new Context(project, await _plans.FindPlanAsync(projectId, cancellationToken), await _frameworks.ListPhasesAsync(cancellationToken), groups, facts,
            await _fragments.ListFragmentsAsync(projectId, new FragmentFilter { Limit = int.MaxValue }, cancellationToken), await _findings.ListAsync(projectId, cancellationToken));
    }

    private static void Common(ReportData data, Context context, ReportParameters parameters)
    {
        var project = context.Project;
        data.Values[ReportPlaceholders.ProjectNaam] = project.Name;
        data.Values[ReportPlaceholders.ProjectOrganisatie] = project.Organisation;
        data.Values[ReportPlaceholders.ProjectInnovatie] = project.Innovation;
        data.Values[ReportPlaceholders.ProjectBeschrijving] = project.Description;
        data.Values[ReportPlaceholders.ProjectPeriode] = Date(project.StartDate) + (project.EndDate is { } end ? " – " + Date(end) : " – heden");
        data.Values[ReportPlaceholders.RapportDatum] = Date(parameters.Today);
        data.Values[ReportPlaceholders.FaseHuidig] = $"{project.CurrentPhase} · {PhaseName(context, project.CurrentPhase)}";
    }

    /// <summary>
    /// The data of the progress report over a period; null when the project does not exist. Every figure is taken as of
    /// the period's end (<see cref="ImplementationPlan.AsOf"/>, <see cref="PhaseHistory"/>, <see cref="ActionItem.WasOpenOn"/>):
    /// the same period gives the same report, whenever it is made and whether the monthly job or a person makes it.
    /// </summary>
    public async Task<ReportData?> ProgressAsync(long projectId, ReportParameters parameters, CancellationToken cancellationToken = default)
    {
        var context = await LoadAsync(projectId, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var data = new ReportData();
        Common(data, context, parameters);
        var (from, to) = (parameters.From, parameters.To);
        var (now, before, previousPeriod, nextPeriod) = await PeriodsAsync(data, context, parameters, cancellationToken);
        data.Values[ReportPlaceholders.FaseHuidig] = PhaseLabel(context, now.Phase);
        data.Values[ReportPlaceholders.ActiviteitenTotaal] = Number(now.Counted);
        data.Values[ReportPlaceholders.ActiviteitenGereed] = Number(now.Done);
        data.Values[ReportPlaceholders.ActiviteitenAchterstallig] = Number(now.Overdue);
        data.Values[ReportPlaceholders.PlanScore] = now.Counted == 0 ? "–" : Percent((double)now.Done / now.Counted);
        data.Values[ReportPlaceholders.FaseScore] = now.PhaseCompletion is { } completion ? Percent(completion) : "–";
        data.Values[ReportPlaceholders.BijeenkomstenAantal] = Number(now.Held);
        data.Values[ReportPlaceholders.Opkomst] = now.Attendance is { } attendance ? Percent(attendance) : "–";
        data.Values[ReportPlaceholders.Respons] = now.Response is { } response ? Percent(response) : "–";
        data.Values[ReportPlaceholders.Lussluiting] = now.Loop is { } loop ? $"{Percent(loop)} ({now.LessClosed} van {now.LessDue})" : "–";
        data.Values[ReportPlaceholders.ActiepuntenOpen] = Number(now.OpenActions.Count);
        data.Values[ReportPlaceholders.FragmentenAantal] = Number(now.Fragments.Count);
        data.Tables[ReportPlaceholders.Kengetallen] = new ReportTable(["Kengetal", "Deze periode", "Vorige periode", "Verandering"],
        [
            ["Fase op de einddatum", PhaseLabel(context, now.Phase), PhaseLabel(context, before.Phase), now.Phase == before.Phase ? "gelijk" : now.Phase is { } reached ? $"naar fase {reached}" : "–"],
            ["Activiteiten gereed", $"{now.Done} van {now.Counted}", $"{before.Done} van {before.Counted}", Change(now.Done, before.Done)],
            ["Voltooiing fase", Optional(now.PhaseCompletion), Optional(before.PhaseCompletion), Points(now.PhaseCompletion, before.PhaseCompletion)],
            ["Achterstallige activiteiten", Number(now.Overdue), Number(before.Overdue), Change(now.Overdue, before.Overdue)],
            ["Bijeenkomsten", Number(now.Held), Number(before.Held), Change(now.Held, before.Held)],
            ["Opkomst", Optional(now.Attendance), Optional(before.Attendance), Points(now.Attendance, before.Attendance)],
            ["Respons op de slotvraag", Optional(now.Response), Optional(before.Response), Points(now.Response, before.Response)],
            ["‘Minder gewerkt’ opgevolgd", Optional(now.Loop), Optional(before.Loop), Points(now.Loop, before.Loop)],
            ["Open actiepunten", Number(now.OpenActions.Count), Number(before.OpenActions.Count), Change(now.OpenActions.Count, before.OpenActions.Count)],
            ["Gecodeerde fragmenten", Number(now.Fragments.Count), Number(before.Fragments.Count), Change(now.Fragments.Count, before.Fragments.Count)],
        ]);

        var activities = now.Plan?.Activities.Select(a => a.Fields).ToList() ?? [];
        data.Tables[ReportPlaceholders.Fasen] = new ReportTable(["Fase", "Activiteiten", "Gereed", "Achterstallig", "Voltooid"],
            [.. now.Scores.Where(s => s.Activities > 0 || s.IsCurrent).Select(s => (IReadOnlyList<string>)[
                $"{s.Phase} · {PhaseName(context, s.Phase)}{(s.IsCurrent ? " (op de einddatum)" : "")}", Number(s.Activities), Number(s.Done), Number(s.Overdue), s.Completion is { } c ? Percent(c) : "–"])]);
        data.Tables[ReportPlaceholders.ActiviteitenGedaan] = new ReportTable(["Fase", "Activiteit", "Gereed op", "Eigenaar"],
            [.. activities.Where(a => a.Status == ActivityStatus.Gereed && a.CompletedOn is { } done && done >= from && done <= to).OrderBy(a => a.CompletedOn)
                .Select(a => (IReadOnlyList<string>)[Number(a.Phase), a.Title, Date(a.CompletedOn!.Value), a.Owner])],
            EmptyText: "Geen activiteiten afgerond in deze periode.");
        data.Tables[ReportPlaceholders.ActiviteitenAchterstallig] = new ReportTable(["Fase", "Activiteit", "Gepland", "Eigenaar", "Status"],
            [.. activities.Where(a => PlanScoring.IsOverdue(a, to)).OrderBy(a => a.PlannedMonth?.FirstDay)
                .Select(a => (IReadOnlyList<string>)[Number(a.Phase), a.Title, Month(a.PlannedMonth), a.Owner, a.Status.ToCode()])],
            EmptyText: "Geen achterstallige activiteiten.");
        data.Tables[ReportPlaceholders.ActiviteitenVolgende] = new ReportTable(["Fase", "Activiteit", "Gepland", "Eigenaar", "Status"],
            [.. PlannedIn(activities, nextPeriod).Select(a => (IReadOnlyList<string>)[Number(a.Phase), a.Title, Month(a.PlannedMonth), a.Owner, a.Status.ToCode()])],
            EmptyText: $"Geen activiteiten gepland van {Date(nextPeriod.From)} tot en met {Date(nextPeriod.To)}.");

        data.Tables[ReportPlaceholders.Bijeenkomsten] = new ReportTable(["Groep", "Gehouden in periode", "Ritme", "Laatste bijeenkomst", "Gaten in het ritme"], now.Held == 0 ? [] : now.MeetingRows,
            EmptyText: "Geen bijeenkomsten gehouden in deze periode.");
        var groupNames = context.Groups.ToDictionary(g => g.Id, g => g.Name);
        data.Tables[ReportPlaceholders.ActiepuntenOpen] = new ReportTable(["Groep", "Actiepunt", "Sinds", "Eigenaar", "Uiterlijk"],
            [.. now.OpenActions.OrderBy(a => a.DueOn ?? DateOnly.MaxValue).ThenBy(a => a.MeetingHeldOn)
                .Select(a => (IReadOnlyList<string>)[groupNames.GetValueOrDefault(a.GroupId, ""), a.Description, Date(a.MeetingHeldOn), a.OwnerLabel ?? "", a.DueOn is { } due ? Date(due) : ""])],
            EmptyText: "Geen open actiepunten op de einddatum.");

        var determinants = Determinants(now.Fragments);
        data.Tables[ReportPlaceholders.BelemmeringenTop] = new ReportTable(["Determinant", "Belemmerend", "Bevorderend"],
            [.. determinants.Where(d => d.Barriers > 0).OrderByDescending(d => d.Barriers).ThenBy(d => d.Number).Take(5).Select(d => (IReadOnlyList<string>)[$"{d.Number}. {d.Name}", Number(d.Barriers), Number(d.Facilitators)])],
            EmptyText: "Geen belemmerende fragmenten gecodeerd in deze periode.");
        data.Tables[ReportPlaceholders.BevorderendTop] = new ReportTable(["Determinant", "Bevorderend", "Belemmerend"],
            [.. determinants.Where(d => d.Facilitators > 0).OrderByDescending(d => d.Facilitators).ThenBy(d => d.Number).Take(5).Select(d => (IReadOnlyList<string>)[$"{d.Number}. {d.Name}", Number(d.Facilitators), Number(d.Barriers)])],
            EmptyText: "Geen bevorderende fragmenten gecodeerd in deze periode.");
        var fromMoment = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var toMoment = new DateTimeOffset(to.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        data.Tables[ReportPlaceholders.BevindingenGewijzigd] = new ReportTable(["Soort", "Bevinding", "Status", "Gewijzigd"],
            [.. context.Findings.Where(f => f.UpdatedAt >= fromMoment && f.UpdatedAt <= toMoment).OrderBy(f => f.UpdatedAt)
                .Select(f => (IReadOnlyList<string>)[KindName(f.Fields.Kind), f.Fields.Title, Codes.ToCode(f.Status), Date(DateOnly.FromDateTime(DutchClock.ToDutch(f.UpdatedAt).DateTime))])],
            EmptyText: "Geen bevindingen gewijzigd in deze periode.");
        data.Texts[ReportPlaceholders.Samenvatting] = Summary(data, now, before);
        var baseline = await _versions.FindBaselineOnAsync(projectId, to, cancellationToken);
        data.Values[ReportPlaceholders.PlanVersie] = BaselineSentence(baseline, to);
        data.Tables[ReportPlaceholders.PlanAfwijkingen] = Deviations(baseline, context.Plan);

        if (now.Plan is { } p)
        {
            Chart(data, ReportPlaceholders.Fasevoortgang, PlanCharts.Progress(now.Scores, context.Phases, "nl"), now.Scores.Any(s => s.Activities > 0));
            Chart(data, ReportPlaceholders.Tijdlijn, PlanCharts.Timeline(p, context.Phases, to, "nl"), activities.Count > 0);
        }

        Chart(data, ReportPlaceholders.BijeenkomstenTijd, MeetingsOverTime(context, from, to), now.Held > 0);
        Chart(data, ReportPlaceholders.Determinanten, DeterminantChart(determinants, "Bevorderende en belemmerende factoren in de periode"), now.Fragments.Count > 0);
        await InnovationAsync(data, context, to, cancellationToken);
        return data;
    }

    /// <summary>The figures of a period as they stood at its end; computed for the period and for the one before (the trend).</summary>
    private sealed record PeriodFigures(
        int? Phase, ImplementationPlan? Plan, IReadOnlyList<PhaseScore> Scores, int Counted, int Done, int Overdue, double? PhaseCompletion,
        int Held, List<IReadOnlyList<string>> MeetingRows, double? Attendance, double? Response, int LessDue, int LessClosed, double? Loop,
        List<ActionItem> OpenActions, List<Fragment> Fragments, int Reflections, int Due, int DueDone);

    private static PeriodFigures Figures(Context context, PhaseHistory history, IReadOnlyList<ActionItem> actions, DateOnly from, DateOnly to)
    {
        var phase = history.At(to);
        var plan = context.Plan?.AsOf(to, phase);
        var scores = plan is null ? [] : PlanScoring.Score(plan, to);
        var counted = plan?.Activities.Select(a => a.Fields).Where(a => a.Status != ActivityStatus.Vervallen).ToList() ?? [];

        // meetings up to the period's end only: a follow-up or a meeting after it was not known then
        var meetingRows = new List<IReadOnlyList<string>>();
        var metricRows = new List<MeetingMetricsRow>();
        var held = 0;
        foreach (var group in context.Groups)
        {
            var known = context.Facts[group.Id].Where(f => f.HeldOn <= to)
                .Select(f => f with { Reflections = [.. f.Reflections.Select(r => r.FollowedUpOn > to ? r with { FollowedUpOn = null } : r)] }).ToList();
            var gehouden = known.Where(f => f.Status == MeetingStatus.Gehouden).ToList();
            var inPeriod = gehouden.Count(f => f.HeldOn >= from);
            held += inPeriod;
            var gaps = CadenceCheck.FindGaps(gehouden.Select(f => f.HeldOn), group.CadenceDays, to, context.Project.EndDate).Count(g => g.To >= from && g.From <= to);
            var last = gehouden.Select(f => (DateOnly?)f.HeldOn).Max();
            meetingRows.Add([group.Name, Number(inPeriod), group.CadenceDays is { } days ? $"elke {days} dagen" : "naar behoefte", last is { } l ? Date(l) : "–", Number(gaps)]);
            metricRows.AddRange(MeetingMetrics.Compute(known).Meetings.Where(r => r.HeldOn >= from && r.HeldOn <= to));
        }

        static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
        var due = counted.Where(a => a.PlannedMonth is { } month && month <= YearMonth.From(to)).ToList();
        var (lessDue, lessClosed) = (metricRows.Sum(r => r.LessDue), metricRows.Sum(r => r.LessClosed));
        return new PeriodFigures(
            phase, plan, scores, counted.Count, counted.Count(a => a.Status == ActivityStatus.Gereed), counted.Count(a => PlanScoring.IsOverdue(a, to)),
            scores.FirstOrDefault(s => s.IsCurrent)?.Completion,
            held, meetingRows, Rate(metricRows.Sum(r => r.Present), metricRows.Sum(r => r.Expected)), Rate(metricRows.Sum(r => r.Responses), metricRows.Sum(r => r.Present)),
            lessDue, lessClosed, Rate(lessClosed, lessDue),
            [.. actions.Where(a => a.WasOpenOn(to))],
            [.. context.Fragments.Where(f => f.Date is { } d && d >= from && d <= to)],
            metricRows.Sum(r => r.Responses), due.Count, due.Count(a => a.Status == ActivityStatus.Gereed));
    }

    /// <summary>
    /// The data of the one-page factsheet for management and the funder (#23): phase, key figures of the period with
    /// their trend against the period before, the top success factors (vastgestelde findings) and barriers (coded
    /// fragments up to the period's end), the next steps and the plan version measured against. Null when the project
    /// does not exist.
    /// </summary>
    public async Task<ReportData?> FactsheetAsync(long projectId, ReportParameters parameters, CancellationToken cancellationToken = default)
    {
        var context = await LoadAsync(projectId, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var data = new ReportData();
        Common(data, context, parameters);
        var to = parameters.To;
        var (now, before, _, nextPeriod) = await PeriodsAsync(data, context, parameters, cancellationToken);
        var baseline = await _versions.FindBaselineOnAsync(projectId, to, cancellationToken);
        data.Values[ReportPlaceholders.FaseHuidig] = PhaseLabel(context, now.Phase);
        data.Values[ReportPlaceholders.PlanScore] = now.Counted == 0 ? "–" : Percent((double)now.Done / now.Counted);
        data.Values[ReportPlaceholders.PlanVersie] = BaselineSentence(baseline, to);
        data.Tables[ReportPlaceholders.Kengetallen] = new ReportTable(["Kengetal", "Deze periode", "Vorige periode", "Trend"],
        [
            ["Bijeenkomsten gehouden", Number(now.Held), Number(before.Held), Trend(Change(now.Held, before.Held))],
            ["Opkomst", Optional(now.Attendance), Optional(before.Attendance), Trend(Points(now.Attendance, before.Attendance))],
            ["Slotreflecties", Number(now.Reflections), Number(before.Reflections), Trend(Change(now.Reflections, before.Reflections))],
            ["Gepland tot de einddatum en gereed", $"{now.DueDone} van {now.Due}", $"{before.DueDone} van {before.Due}", Trend(Change(now.DueDone, before.DueDone))],
            ["Activiteiten gereed (heel het plan)", $"{now.Done} van {now.Counted}", $"{before.Done} van {before.Counted}", Trend(Change(now.Done, before.Done))],
            ["Achterstallige activiteiten", Number(now.Overdue), Number(before.Overdue), Trend(Change(now.Overdue, before.Overdue))],
        ]);
        data.Tables[ReportPlaceholders.SuccesfactorenTop] = new ReportTable(["Succesfactor", "Onderbouwing"],
            [.. context.Findings.Where(f => f.Status == FindingStatus.Vastgesteld && f.Fields.Kind == FindingKind.Succesfactor)
                .OrderByDescending(f => f.Evidence.Count).ThenBy(f => f.Fields.Title, StringComparer.Ordinal).Take(3)
                .Select(f => (IReadOnlyList<string>)[f.Fields.Title, f.Evidence.Count == 1 ? "1 bron" : $"{f.Evidence.Count} bronnen"])],
            EmptyText: "Nog geen succesfactoren vastgesteld.");
        var barriers = Determinants(context.Fragments.Where(f => f.Date is { } d && d <= to));
        data.Tables[ReportPlaceholders.BelemmeringenTop] = new ReportTable(["Belemmering (MIDI-determinant)", "Belemmerend", "Bevorderend"],
            [.. barriers.Where(d => d.Barriers > 0).OrderByDescending(d => d.Barriers).ThenBy(d => d.Number).Take(3)
                .Select(d => (IReadOnlyList<string>)[$"{d.Number}. {d.Name}", Number(d.Barriers), Number(d.Facilitators)])],
            EmptyText: "Nog geen belemmerende factoren gecodeerd.");
        data.Tables[ReportPlaceholders.ActiviteitenVolgende] = new ReportTable(["Activiteit", "Gepland", "Eigenaar"],
            [.. PlannedIn(now.Plan?.Activities.Select(a => a.Fields) ?? [], nextPeriod).Take(5).Select(a => (IReadOnlyList<string>)[a.Title, Month(a.PlannedMonth), a.Owner])],
            EmptyText: $"Geen activiteiten gepland van {Date(nextPeriod.From)} tot en met {Date(nextPeriod.To)}.");
        data.Texts[ReportPlaceholders.Samenvatting] =
            $"Op {MarkdownText.Escape(Date(to))} stond {MarkdownText.Escape(context.Project.Name)} in fase {MarkdownText.Escape(PhaseLabel(context, now.Phase))}" +
            (now.Phase != before.Phase && before.Phase is { } earlier ? $" (de periode ervoor in fase {earlier}). " : ". ") +
            $"Er {(now.Held == 1 ? "was 1 bijeenkomst" : $"waren {now.Held} bijeenkomsten")} met {now.Reflections} slotreflecties, en {now.DueDone} van de {now.Due} activiteiten die tot dan gepland waren, {(now.DueDone == 1 ? "is" : "zijn")} gereed.";
        return data;
    }

    /// <summary>
    /// The figures of the period and of the one before it (the trend), as of each period's end, with the values naming
    /// the period, the one before and the one after; shared by the progress report and the factsheet.
    /// </summary>
    private async Task<(PeriodFigures Now, PeriodFigures Before, (DateOnly From, DateOnly To) Previous, (DateOnly From, DateOnly To) Next)> PeriodsAsync(
        ReportData data, Context context, ReportParameters parameters, CancellationToken cancellationToken)
    {
        var (from, to) = (parameters.From, parameters.To);
        var actions = await _actionItems.ListForProjectAsync(context.Project.Id, cancellationToken);
        var history = context.Plan is { } recorded ? PhaseHistory.From(context.Project.StartDate, recorded) : PhaseHistory.From(context.Project.StartDate, context.Project.CurrentPhase, []);
        var previous = ReportPeriods.Previous(from, to);
        var next = ReportPeriods.Next(from, to);
        data.Values[ReportPlaceholders.PeriodeVan] = Date(from);
        data.Values[ReportPlaceholders.PeriodeTot] = Date(to);
        data.Values[ReportPlaceholders.VorigePeriode] = $"{Date(previous.From)} tot en met {Date(previous.To)}";
        data.Values[ReportPlaceholders.VolgendePeriode] = $"{Date(next.From)} tot en met {Date(next.To)}";
        return (Figures(context, history, actions, from, to), Figures(context, history, actions, previous.From, previous.To), previous, next);
    }

    /// <summary>The activities still to do (gepland, bezig) planned within a period, by month and phase: the next steps.</summary>
    private static IEnumerable<PlanActivityDraft> PlannedIn(IEnumerable<PlanActivityDraft> activities, (DateOnly From, DateOnly To) period)
    {
        var (first, last) = (YearMonth.From(period.From), YearMonth.From(period.To));
        return activities.Where(a => a.Status is ActivityStatus.Gepland or ActivityStatus.Bezig && a.PlannedMonth is { } month && month >= first && month <= last)
            .OrderBy(a => a.PlannedMonth!.Value.FirstDay).ThenBy(a => a.Phase);
    }

    /// <summary>"Gemeten tegen planversie ‘Definitief’ (vastgesteld 12-01-2021)." — the baseline the report used, or that there was none.</summary>
    private static string BaselineSentence(PlanVersion? baseline, DateOnly on) => baseline is null
        ? $"Er was op {Date(on)} geen vastgestelde planversie; gemeten tegen het plan zoals het in de monitor staat."
        : $"Gemeten tegen {baseline.BaselineLabel}.";

    /// <summary>What changed in the plan since the baseline: activities added, removed and changed with their fields.</summary>
    private static ReportTable Deviations(PlanVersion? baseline, ImplementationPlan? plan)
    {
        var headers = new[] { "Wijziging", "Fase", "Activiteit", "Wat veranderde" };
        if (baseline is null || plan is null)
        {
            return new ReportTable(headers, [], EmptyText: "Er is geen vastgestelde planversie om mee te vergelijken.");
        }

        var diff = PlanDiff.Compare(baseline.Snapshot, PlanSnapshot.From(plan));
        return new ReportTable(headers,
            [.. diff.Activities.Select(a => (IReadOnlyList<string>)[a.Kind.ToCode(), Number(a.Phase), a.Title,
                string.Join("; ", a.Fields.Select(f => $"{f.Label}: {(f.Before.Length == 0 ? "–" : f.Before)} → {(f.After.Length == 0 ? "–" : f.After)}"))])],
            EmptyText: $"Het plan is niet gewijzigd sinds {baseline.BaselineLabel}.");
    }

    private static string Trend(string change) => change switch
    {
        "gelijk" => "→ gelijk",
        ['+', ..] => "↑ " + change,
        ['−', ..] => "↓ " + change,
        _ => change,
    };

    private static string PhaseLabel(Context context, int? phase) => phase is { } known ? $"{known} · {PhaseName(context, known)}" : "fase onbekend";

    private static string Month(YearMonth? month) => month?.FirstDay.ToString("MMMM yyyy", _dutch) ?? "";

    private static string Optional(double? share) => share is { } value ? Percent(value) : "–";

    private static string Change(int now, int before) => (now - before) switch
    {
        0 => "gelijk",
        > 0 and var up => "+" + Number(up),
        var down => "−" + Number(-down),
    };

    private static string Points(double? now, double? before) => now is { } n && before is { } b
        ? (Math.Round(n * 100) - Math.Round(b * 100)) switch
        {
            0 => "gelijk",
            > 0 and var up => $"+{up.ToString("0", _dutch)} procentpunt",
            var down => $"−{(-down).ToString("0", _dutch)} procentpunt",
        }
        : "–";

    /// <summary>
    /// The data of the process evaluation (success factors and lessons learned); null when the project does not exist.
    /// Only findings that are <c>vastgesteld</c> count, unless <see cref="ReportParameters.Concept"/> asks for the draft
    /// for a joint session: then all findings, and the value <c>concept</c> marks every chapter. Every sentence about the
    /// method is made from the data (coders, rounds, sessions, groups, frameworks and Bowen areas actually used).
    /// </summary>
    public async Task<ReportData?> EvaluationAsync(long projectId, ReportParameters parameters, CancellationToken cancellationToken = default)
    {
        var context = await LoadAsync(projectId, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var data = new ReportData();
        Common(data, context, parameters);
        var findings = parameters.Concept ? context.Findings : [.. context.Findings.Where(f => f.Status == FindingStatus.Vastgesteld)];
        data.Values[ReportPlaceholders.Concept] = parameters.Concept
            ? $"CONCEPT — bevat ook {context.Findings.Count(f => f.Status != FindingStatus.Vastgesteld)} nog niet vastgestelde bevindingen; alleen voor de gezamenlijke sessie, niet verspreiden."
            : "";
        var held = context.Facts.Values.SelectMany(f => f).Where(f => f.Status == MeetingStatus.Gehouden).ToList();
        var documents = await _documents.ListDocumentsAsync(projectId, cancellationToken);
        data.Values[ReportPlaceholders.BronnenBijeenkomsten] = Number(held.Count);
        data.Values[ReportPlaceholders.BronnenVerslagen] = Number(documents.Count(d => d.Kind == DocumentKind.Verslag));
        data.Values[ReportPlaceholders.BronnenReflecties] = Number(documents.Count(d => d.Kind == DocumentKind.Reflectie));
        data.Values[ReportPlaceholders.BronnenDocumenten] = Number(documents.Count(d => d.Kind == DocumentKind.Upload));
        data.Values[ReportPlaceholders.BronnenFragmenten] = Number(context.Fragments.Count);
        var rounds = (await _rounds.ListRoundsAsync(projectId, cancellationToken)).Where(r => r.Status == RoundStatus.Gesloten).ToList();
        var coders = context.Fragments.Select(f => f.Coding.CoderName).Concat(rounds.SelectMany(r => r.Coders.Select(c => c.Name))).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        data.Values[ReportPlaceholders.BronnenCodeurs] = coders.Count == 0 ? "–" : string.Join(", ", coders);

        var agreementRows = new List<IReadOnlyList<string>>();
        var (differences, settled) = (0, 0);
        foreach (var round in rounds)
        {
            if (await _agreement.AgreementAsync(projectId, round.Id, cancellationToken) is { } report)
            {
                foreach (var (characters, segments) in report.Pooled.Characters.Zip(report.Pooled.Segments))
                {
                    agreementRows.Add([round.Name, $"{characters.CoderA} – {characters.CoderB}", Number(round.DocumentIds.Count), characters.PercentAgreement is { } percent ? Percent(percent) : "—",
                        Kappa(characters.Kappa), Kappa(segments.Kappa), Kappa(report.Pooled.Alpha.Alpha)]);
                }
            }

            var roundDifferences = await _rounds.DifferencesAsync(projectId, round.Id, cancellationToken);
            differences += roundDifferences.Count;
            settled += roundDifferences.Count(d => d.Decision is not null);
        }

        data.Tables[ReportPlaceholders.Overeenstemming] = new ReportTable(["Ronde", "Codeurs", "Documenten", "% overeenstemming", "κ (tekens)", "κ (alinea's)", "α (Krippendorff)"], agreementRows,
            EmptyText: "Er is (nog) geen dubbel gecodeerde ronde afgesloten.");
        data.Values[ReportPlaceholders.OvereenstemmingKort] = agreementRows.Count == 0 ? "geen dubbele codering" : $"κ {agreementRows[^1][4]} op tekenniveau en {agreementRows[^1][5]} op alineaniveau (ronde ‘{agreementRows[^1][0]}’)";

        var frameworks = await _frameworks.ListFrameworksAsync(cancellationToken);
        var bowen = await _frameworks.ListBowenAreasAsync(cancellationToken);
        var midi = (await _frameworks.ListMidiGroupsAsync(cancellationToken)).SelectMany(g => g.Determinants).ToDictionary(d => d.Number, d => d.NameNl);
        var used = UsedFrameworks(context, findings, frameworks);
        var bowenUsed = context.Fragments.Select(f => KeyNumber(f.CodeKey, "bowen-")).OfType<int>().Concat(findings.SelectMany(f => f.Fields.BowenAreas)).Distinct().Order()
            .Select(n => bowen.FirstOrDefault(b => b.Number == n)?.NameNl.ToLowerInvariant()).OfType<string>().ToList();
        var names = new FrameNames(midi, bowen.ToDictionary(b => b.Number, b => b.NameNl));

        data.Tables[ReportPlaceholders.Groepen] = new ReportTable(["Groep", "Soort", "Doel", "Ritme", "Bijeenkomsten"],
            [.. context.Groups.Select(g => (IReadOnlyList<string>)[g.Name, g.Kind.ToString().ToLowerInvariant(), g.Purpose, g.Cadence, Number(context.Facts[g.Id].Count(f => f.Status == MeetingStatus.Gehouden))])]);
        data.Texts[ReportPlaceholders.Inleiding] = Introduction(context);
        data.Texts[ReportPlaceholders.Aanpak] = Approach(context);
        data.Texts[ReportPlaceholders.Methode] = Method(context, findings, held.Count, documents, coders, new RoundSummary(rounds.Count, differences, settled, data.Values[ReportPlaceholders.OvereenstemmingKort]), used, bowenUsed);
        data.Texts[ReportPlaceholders.Kader] = Frame(used);
        data.Texts[ReportPlaceholders.Literatuur] = string.Join("\n", used.Select(f => "- " + MarkdownText.Escape(f.Citation)));
        data.Texts[ReportPlaceholders.Succesfactoren] = FindingsText([.. findings.Where(f => f.Fields.Kind == FindingKind.Succesfactor)], context, names);
        data.Texts[ReportPlaceholders.Lessen] = FindingsText([.. findings.Where(f => f.Fields.Kind == FindingKind.Les)], context, names);
        data.Texts[ReportPlaceholders.Adviezen] = FindingsText([.. findings.Where(f => f.Fields.Kind == FindingKind.Advies)], context, names);
        data.Values[ReportPlaceholders.BevindingenSuccesfactoren] = Number(findings.Count(f => f.Fields.Kind == FindingKind.Succesfactor));
        data.Values[ReportPlaceholders.BevindingenLessen] = Number(findings.Count(f => f.Fields.Kind == FindingKind.Les));
        data.Values[ReportPlaceholders.BevindingenAdviezen] = Number(findings.Count(f => f.Fields.Kind == FindingKind.Advies));
        data.Values[ReportPlaceholders.BevindingenStatus] = parameters.Concept ? "vastgelegd (vastgesteld en nog in bespreking)" : "vastgesteld";
        data.Tables[ReportPlaceholders.BevindingenOverzicht] = new ReportTable(["Soort", "Thema", "Bevinding", "Determinanten", "Bowen", "Fase", "Status", "Bewijs"],
            [.. findings.Select(f => (IReadOnlyList<string>)[KindName(f.Fields.Kind), f.Fields.Heading, f.Fields.Title, names.Determinants(f.Fields.Determinants),
                names.Areas(f.Fields.BowenAreas), f.Fields.Phase is { } phase ? PhaseLabel(context, phase) : "", Codes.ToCode(f.Status), Number(f.Evidence.Count)])],
            EmptyText: parameters.Concept ? "Nog geen bevindingen vastgelegd." : "Nog geen bevindingen vastgesteld.");
        data.Texts[ReportPlaceholders.Samenvatting] = EvaluationSummary(context, data, held.Count, parameters.Concept);
        data.Tables[ReportPlaceholders.Plan] = PlanTable(context, parameters.Today);
        data.Values[ReportPlaceholders.PlanVersie] = BaselineSentence(await _versions.FindBaselineOnAsync(projectId, parameters.Today, cancellationToken), parameters.Today);
        data.Tables[ReportPlaceholders.Codeboek] = new ReportTable(["Kader", "Code", "Fragmenten", "Bevorderend", "Belemmerend"],
            [.. context.Fragments.GroupBy(f => (f.CodebookName, f.CodeName)).OrderBy(g => g.Key.CodebookName, StringComparer.Ordinal).ThenByDescending(g => g.Count())
                .Select(g => (IReadOnlyList<string>)[g.Key.CodebookName, g.Key.CodeName, Number(g.Count()), Number(g.Count(f => f.Coding.Valence == Valence.Bevorderend)), Number(g.Count(f => f.Coding.Valence == Valence.Belemmerend))])],
            EmptyText: "Er zijn (nog) geen fragmenten gecodeerd.");
        await LearningAsync(data, projectId, parameters.Today, cancellationToken);
        await InnovationAsync(data, context, parameters.Today, cancellationToken);
        await EffectsAsync(data, context.Project.Id, parameters.Today, cancellationToken);
        await ParticipationAsync(data, context.Project.Id, parameters.Today, cancellationToken);

        var determinants = Determinants(context.Fragments);
        Chart(data, ReportPlaceholders.Determinanten, DeterminantChart(determinants, "Bevorderende en belemmerende factoren (MIDI)"), context.Fragments.Count > 0);
        Chart(data, ReportPlaceholders.Heatmap, Heatmap(context), context.Fragments.Any(f => f.CodeKey?.StartsWith("midi-", StringComparison.Ordinal) == true));
        Chart(data, ReportPlaceholders.BijeenkomstenTijd, MeetingsOverTime(context, context.Project.StartDate, context.Project.EndDate ?? parameters.Today), held.Count > 0);
        if (context.Plan is { } plan)
        {
            var scores = PlanScoring.Score(plan, parameters.Today);
            Chart(data, ReportPlaceholders.Fasevoortgang, PlanCharts.Progress(scores, context.Phases, "nl"), scores.Any(s => s.Activities > 0));
        }

        return data;
    }

    /// <summary>The "leerproces" chapter: the learning agenda with status and what was learned, the high and low points, and the timeline chart.</summary>
    private async Task LearningAsync(ReportData data, long projectId, DateOnly today, CancellationToken cancellationToken)
    {
        var items = await _learning.ListAsync(projectId, cancellationToken) ?? [];
        var timeline = await _timeline.ReadAsync(projectId, null, cancellationToken);
        data.Tables[ReportPlaceholders.Leeragenda] = new ReportTable(["Soort", "Leervraag of knelpunt", "Status", "Wat is geleerd"],
            [.. items.OrderBy(i => i.OpenedOn).Select(i => (IReadOnlyList<string>)[i.Kind.ToCode(), i.Title, StatusName(i.Status), i.Learned])],
            EmptyText: "Er is geen leeragenda bijgehouden.");
        var moments = timeline?.Events.Where(e => e.Kind is TimelineEventKind.Hoogtepunt or TimelineEventKind.Dieptepunt).OrderBy(e => e.On).ToList() ?? [];
        var text = new StringBuilder();
        if (items.Count > 0)
        {
            var solved = items.Count(i => i.Status == LearningStatus.Opgelost);
            text.AppendLine($"Het project hield een leeragenda bij met {items.Count(i => i.Kind == LearningItemKind.Leervraag)} leervragen en {items.Count(i => i.Kind == LearningItemKind.Knelpunt)} knelpunten; " +
                $"{solved} daarvan {(solved == 1 ? "is" : "zijn")} opgelost, {items.Count(i => i.Status == LearningStatus.Losgelaten)} losgelaten en {items.Count(i => i.Status is LearningStatus.Open or LearningStatus.InUitvoering)} nog open of in uitvoering.").AppendLine();
        }

        if (moments.Count > 0)
        {
            text.AppendLine("Hoogte- en dieptepunten die de deelnemers op de tijdlijn markeerden:").AppendLine();
            foreach (var moment in moments)
            {
                text.AppendLine($"- {(moment.Kind == TimelineEventKind.Hoogtepunt ? "Hoogtepunt" : "Dieptepunt")}, {Date(moment.On)}: **{MarkdownText.Escape(moment.Title)}**{(moment.Story.Length > 0 ? " — " + MarkdownText.Escape(moment.Story) : "")}");
            }
        }

        data.Texts[ReportPlaceholders.Leerproces] = text.ToString().TrimEnd();
        if (timeline is not null)
        {
            Chart(data, ReportPlaceholders.LeerprocesTijdlijn, TimelineCharts.Build(timeline, "Tijdlijn van het leerproces",
                "Fasen, bijeenkomsten, fasebesluiten, mijlpalen en de hoogte- en dieptepunten van de deelnemers in de tijd.", "nl", today), timeline.Events.Count > 0);
        }
    }

    /// <summary>
    /// The chapter on the use of the innovation (#22) as of <paramref name="asOf"/>: its core elements with fidelity from the
    /// checklists (percentages from 5 checklists up: reports reach management), reach and adoption, sustainment, and charts.
    /// </summary>
    private async Task InnovationAsync(ReportData data, Context context, DateOnly asOf, CancellationToken cancellationToken)
    {
        var use = await _innovation.ReadAsync(context.Project.Id, asOf, context.Project.EndDate, cancellationToken);
        var elements = use?.Elements ?? [];
        var text = new StringBuilder();
        if (use is null || elements.Count == 0)
        {
            text.AppendLine("De kernelementen van de innovatie zijn (nog) niet beschreven, dus de programmatrouw is niet gemeten.");
        }
        else
        {
            var fidelity = use.Fidelity;
            text.Append($"De innovatie is beschreven in {Number(elements.Count)} kernelementen. ");
            text.AppendLine(fidelity.Checklists switch
            {
                0 => $"Tot en met {Date(asOf)} is er geen checklist na een gesprek ingevuld, dus de programmatrouw is nog niet gemeten.",
                < Fidelity.ManagementMinimum => $"Tot en met {Date(asOf)} zijn {Number(fidelity.Checklists)} checklists ingevuld; percentages worden pas vanaf {Fidelity.ManagementMinimum} checklists getoond.",
                _ => $"Tot en met {Date(asOf)} zijn {Number(fidelity.Checklists)} checklists na een gesprek ingevuld (zelfrapportage en observatie); samen is {Optional(fidelity.Overall / 100)} van de kernelementen uitgevoerd zoals bedoeld.",
            }).AppendLine();
            if (fidelity.Elements.Where(e => e.Percent is not null).OrderBy(e => e.Percent).FirstOrDefault() is { } weakest && fidelity.Checklists >= Fidelity.ManagementMinimum)
            {
                text.AppendLine($"Het minst uitgevoerd is **{MarkdownText.Escape(weakest.Name)}** ({Optional(weakest.Percent / 100)} van de gesprekken).").AppendLine();
            }
        }

        if (use is { ReachTotals.Count: > 0 } && use.ReachTotals[^1] is var last)
        {
            text.AppendLine($"In {last.Month.ToString("MMMM yyyy", _dutch)} was {Optional(last.TrainedPercent / 100)} van de professionals getraind, had {Optional(last.AdoptionPercent / 100)} de innovatie minstens één keer gebruikt " +
                $"en is {Optional(last.ReachPercent / 100)} van de doelgroep bereikt ({Number(last.ClientsReached)} van {Number(last.TargetClients)} cliënten).").AppendLine();
        }

        foreach (var sustained in use?.Sustainment.Where(s => s.Verdict is SustainmentVerdict.HoudtStand or SustainmentVerdict.NeemtAf) ?? [])
        {
            text.AppendLine($"- {Number(sustained.MonthsAfterEnd)} maanden na het einde van het project: het gebruik {(sustained.Verdict == SustainmentVerdict.HoudtStand ? "houdt stand" : "neemt af")}.");
        }

        data.Texts[ReportPlaceholders.Innovatie] = text.ToString().TrimEnd();
        data.Tables[ReportPlaceholders.Kernelementen] = new ReportTable(["Kernelement", "Telt als uitgevoerd als", "Checklists", "Uitgevoerd"],
            [.. elements.Select(e => (IReadOnlyList<string>)[e.Name, e.DeliveredWhen,
                Number(use!.Fidelity.Elements.SingleOrDefault(s => s.ElementId == e.Id)?.Checklists ?? 0),
                Optional(use.Fidelity.Elements.SingleOrDefault(s => s.ElementId == e.Id)?.Percent / 100)])],
            EmptyText: "Er zijn geen kernelementen beschreven.");
        var fidelityChart = use is null ? null : InnovationCharts.Fidelity(use.Fidelity, "Programmatrouw per kernelement", "Per kernelement het deel van de gesprekken waarin het gebeurde, volgens de ingevulde checklists.");
        Chart(data, ReportPlaceholders.InnovatieTrouw, fidelityChart ?? new BarChartSpec { Id = "fidelity", Title = "Programmatrouw per kernelement", Description = "Nog niet gemeten." }, fidelityChart is not null);
        var reachChart = use is null ? null : InnovationCharts.Reach(use.ReachTotals, "Bereik en adoptie per maand",
            "Per maand, alle teams samen: het deel van de professionals dat getraind is en de innovatie gebruikte, en het deel van de doelgroep dat bereikt is.", "nl");
        Chart(data, ReportPlaceholders.InnovatieBereik, (ChartSpec?)reachChart ?? new BarChartSpec { Id = "reach", Title = "Bereik en adoptie per maand", Description = "Nog geen aantallen ingevoerd." }, reachChart is not null);
    }

    /// <summary>
    /// The client participation chapter (#23): up to <paramref name="asOf"/>, how often and how high on the participation
    /// ladder parties such as the cliëntenraad were involved, whether they heard back, and each moment with what was asked
    /// and what was done with it.
    /// </summary>
    private async Task ParticipationAsync(ReportData data, long projectId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var moments = (await _participation.ListAsync(projectId, cancellationToken) ?? []).Where(m => m.HeldOn <= asOf).ToList();
        var overview = ParticipationOverview.Of(moments);
        string text;
        if (overview.Highest is not { } highest)
        {
            text = "Er zijn (nog) geen momenten van cliëntparticipatie vastgelegd.";
        }
        else
        {
            var parties = string.Join(", ", moments.Select(m => m.Party).Distinct(StringComparer.OrdinalIgnoreCase).Select(MarkdownText.Escape));
            var perLevel = string.Join(", ", overview.Levels.Where(l => l.Moments > 0).Select(l => $"{l.Level.Label("nl")} {Number(l.Moments)}"));
            var closed = overview.Levels.Sum(l => l.LoopsClosed);
            text = $"Tot en met {Date(asOf)} zijn cliënten op {Number(overview.Total)} {(overview.Total == 1 ? "moment" : "momenten")} betrokken via {parties} ({perLevel}); " +
                $"de hoogst bereikte trede van de participatieladder is {highest.Label("nl")}. " +
                $"Bij {Number(closed)} van de {Number(overview.Total)} momenten is teruggekoppeld wat er met de inbreng is gedaan.";
        }

        data.Texts[ReportPlaceholders.Participatie] = text;
        data.Tables[ReportPlaceholders.ParticipatieMomenten] = new ReportTable(["Datum", "Partij", "Groep", "Trede", "Gevraagd", "Wat ermee gedaan is", "Teruggekoppeld"],
            [.. moments.Select(m => (IReadOnlyList<string>)[Date(m.HeldOn), m.Party, m.GroupName ?? "–", m.Level.Label("nl"), Dash(m.Asked), Dash(m.DoneWithIt),
                m.FedBackOn is { } fed ? Date(fed) : "nog niet"])],
            EmptyText: "Geen momenten van cliëntparticipatie vastgelegd.");

        static string Dash(string text) => string.IsNullOrWhiteSpace(text) ? "–" : text;
    }

    /// <summary>
    /// The effects chapter (#18): per measurement round the response and, per compared item, the sentence a manager
    /// understands with its warnings, per choice item the percentages per option and group; a table with the groups' means, p (Holm) and d. Items with fewer than 5 answers in a
    /// group are left out (the report reaches management).
    /// </summary>
    private async Task EffectsAsync(ReportData data, long projectId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var rounds = await _effects.ReadAsync(projectId, asOf, cancellationToken);
        var text = new StringBuilder();
        var rows = new List<IReadOnlyList<string>>();
        if (rounds.Count == 0)
        {
            text.AppendLine("Er zijn (nog) geen effecten gemeten met een vragenlijst.");
        }

        foreach (var (questionnaire, round, analysis) in rounds)
        {
            var rate = analysis.ResponseRate is { } r ? $", respons {Percent(r)}" : "";
            text.AppendLine($"**{MarkdownText.Escape(round.Name)}** ({MarkdownText.Escape(questionnaire.Title)}, {(round.Measurement == Effects.Measurement.Followup ? "follow-up" : round.Measurement.ToCode())}): " +
                $"{Number(analysis.Responses)} antwoorden, {Number(analysis.PerCondition[Effects.Condition.Getraind])} getraind en " +
                $"{Number(analysis.PerCondition[Effects.Condition.Ongetraind])} niet getraind{rate}.").AppendLine();
            foreach (var item in analysis.Items.Where(i => i.Comparison is not null))
            {
                var comparison = item.Comparison!;
                text.AppendLine($"- {MarkdownText.Escape(item.Item.Text)} {MarkdownText.Escape(comparison.Summary)}" +
                    string.Concat(comparison.Warnings.Select(w => " *" + MarkdownText.Escape(w) + "*")));
                rows.Add([round.Name, item.Item.Text, Mean(comparison.A), Mean(comparison.B), P(comparison.Welch?.P), P(item.HolmP),
                    comparison.Effect is { } effect ? effect.D.ToString("0.00", _dutch) : "–"]);
            }

            foreach (var item in analysis.Items.Where(i => i.Choices is not null))
            {
                static string Shares(Effects.ChoiceCounts counts) =>
                    $"{MarkdownText.Escape(counts.Group.ToLowerInvariant())} (n = {Number(counts.Respondents)}): " +
                    string.Join(", ", counts.Options.Select(o => $"{MarkdownText.Escape(o.Option)} {(o.Share is { } share ? Percent(share) : "–")}"));
                var ticking = item.Item.Kind == Effects.ItemKind.MeerdereKeuzes ? " (aangekruist; meer keuzes per persoon mogelijk)" : "";
                text.AppendLine($"- {MarkdownText.Escape(item.Item.Text)}{ticking} {Shares(item.Choices!.A)}; {Shares(item.Choices.B)}.");
            }

            var hidden = analysis.Items.Count(i => i.Suppressed);
            if (hidden > 0)
            {
                text.AppendLine($"- {Number(hidden)} {(hidden == 1 ? "vraag is" : "vragen zijn")} niet uitgesplitst: minder dan {Effects.SurveyAnalysis.ManagementMinimum} antwoorden in een groep.");
            }

            text.AppendLine();
        }

        var answers = Effects.EffectCharts.Answers([.. rounds.Select(r => (r.Round.Name, r.Analysis))], "effecten-antwoorden", "Antwoorden per vraag: getraind en niet getraind");
        Chart(data, ReportPlaceholders.EffectenAntwoorden, (ChartSpec?)answers ?? new LikertChartSpec { Id = "effecten-antwoorden", Title = "Antwoorden per vraag: getraind en niet getraind",
            Description = "Geen vragen met genoeg antwoorden per groep.", Answers = ["oneens", "eens"] }, answers is not null);
        await PairsAsync(data, text, projectId, asOf, cancellationToken);
        await MidiAsync(data, text, projectId, asOf, cancellationToken);
        data.Texts[ReportPlaceholders.Effecten] = text.ToString().TrimEnd();
        data.Tables[ReportPlaceholders.EffectenVragen] = new ReportTable(["Ronde", "Vraag", "Getraind (gem., n)", "Niet getraind (gem., n)", "p", "p (Holm)", "d"], rows,
            EmptyText: "Geen vragen met genoeg antwoorden om te vergelijken.");

        static string Mean(Effects.Statistics.Descriptives d) => d.Mean is { } m ? $"{m.ToString("0.0", _dutch)} ({d.N.ToString(CultureInfo.InvariantCulture)})" : "–";
        static string P(double? p) => p switch { null => "–", < 0.001 => "< 0,001", { } v => v.ToString("0.000", _dutch) };
    }

    /// <summary>
    /// Pre/post on linked pairs in the effects chapter: per questionnaire its default pair (first voormeting → last nameting),
    /// the linkage rate, per item the change for all pairs and per condition (paired t, Wilcoxon) and, where both conditions
    /// have 5 pairs or more, the difference of change in words; groups under 5 pairs are not shown (the report reaches management).
    /// </summary>
    private async Task PairsAsync(ReportData data, StringBuilder text, long projectId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (questionnaire, from, to, analysis) in await _effects.PairsAsync(projectId, asOf, cancellationToken))
        {
            var perCondition = string.Join(", ", analysis.PairsPerCondition.Select(c => $"{Number(c.Pairs)} {ConditionName(c.Condition)}"));
            text.AppendLine($"**Gekoppelde paren {MarkdownText.Escape(from.Name)} → {MarkdownText.Escape(to.Name)}** ({MarkdownText.Escape(questionnaire.Title)}): " +
                $"{Number(analysis.Pairs)} paren ({perCondition}); gekoppeld {(analysis.LinkedShareBefore is { } b ? Percent(b) : "–")} van de eerste en " +
                $"{(analysis.LinkedShareAfter is { } a ? Percent(a) : "–")} van de tweede ronde.").AppendLine();
            foreach (var item in analysis.Items.Where(i => !i.Suppressed))
            {
                rows.Add([item.Item.Text, "alle paren", Number(item.Pairs), Mean(item.MeanBefore), Mean(item.MeanAfter), Change(item.MeanDifference), P(item.PairedT?.P), P(item.SignedRank?.P)]);
                foreach (var group in item.Conditions)
                {
                    rows.Add(group.Suppressed
                        ? [item.Item.Text, ConditionName(group.Condition!.Value), $"minder dan {Effects.SurveyAnalysis.ManagementMinimum}", "–", "–", "–", "–", "–"]
                        : [item.Item.Text, ConditionName(group.Condition!.Value), Number(group.Pairs), Mean(group.MeanBefore), Mean(group.MeanAfter), Change(group.MeanChange),
                            P(group.PairedT?.P), P(group.SignedRank?.P)]);
                }

                if (item.ChangeDifference is { } difference)
                {
                    rows.Add([item.Item.Text, "verschil in verandering (getraind − niet getraind)", $"{Number(difference.PairsTrained)} + {Number(difference.PairsUntrained)}", "–", "–",
                        Change(difference.Difference), P(difference.Welch?.P), "–"]);
                    text.AppendLine($"- {MarkdownText.Escape(item.Item.Text)} {MarkdownText.Escape(difference.Summary)}" +
                        string.Concat(difference.Warnings.Select(w => " *" + MarkdownText.Escape(w) + "*")));
                }
            }

            var hidden = analysis.Items.Count(i => i.Suppressed);
            if (hidden > 0)
            {
                text.AppendLine($"- {Number(hidden)} {(hidden == 1 ? "vraag heeft" : "vragen hebben")} minder dan {Effects.SurveyAnalysis.ManagementMinimum} gekoppelde paren en {(hidden == 1 ? "wordt" : "worden")} niet getoond.");
            }

            text.AppendLine();
        }

        data.Tables[ReportPlaceholders.EffectenParen] = new ReportTable(["Vraag", "Groep", "Paren", "Voor", "Na", "Verandering", "p (gepaarde t)", "p (Wilcoxon)"], rows,
            EmptyText: "Geen gekoppelde paren: de rondes vroegen geen persoonlijke code en er zijn geen persoonlijke links gebruikt.");

        static string Mean(double? mean) => mean is { } m ? m.ToString("0.0", _dutch) : "–";
        static string Change(double? change) => change is { } c ? (c > 0 ? "+" : "") + c.ToString("0.0", _dutch) : "–";
        static string P(double? p) => p switch { null => "–", < 0.001 => "< 0,001", { } v => v.ToString("0.000", _dutch) };
        static string ConditionName(Effects.Condition condition) => condition == Effects.Condition.Getraind ? "getraind" : "niet getraind";
    }

    /// <summary>
    /// The MIDI survey in the effects chapter: per round (all respondents, at least 5) the determinants found barriers and
    /// facilitators, beside the barriers coded in documents, and the profile of the latest round as a chart.
    /// </summary>
    private async Task MidiAsync(ReportData data, StringBuilder text, long projectId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var tracking = await _midi.ReadAsync(projectId, asOf, Effects.SurveyAnalysis.ManagementMinimum, cancellationToken);
        Effects.MidiRoundProfile? latest = null;
        Effects.MidiThresholds thresholds = new();
        foreach (var survey in tracking?.Surveys ?? [])
        {
            text.AppendLine($"**MIDI-vragenlijst {MarkdownText.Escape(survey.Title)}** (belemmerend vanaf {Percent(survey.Thresholds.Barrier)} negatief, bevorderend vanaf {Percent(survey.Thresholds.Facilitator)} positief):").AppendLine();
            foreach (var round in survey.Rounds.Where(r => r.Condition is null && r.Responses > 0))
            {
                static string Names(IEnumerable<Effects.MidiDeterminantResult> results) => results.Any() ? string.Join(", ", results.Select(r => $"{r.Determinant}. {MarkdownText.Escape(r.Name)}")) : "geen";
                text.AppendLine($"- {MarkdownText.Escape(round.RoundName)} ({Date(round.OpensOn)}{(round.Phase is { } phase ? $", fase {phase}" : "")}, {Number(round.Responses)} respondenten): " +
                    $"belemmerend {Names(round.Determinants.Where(d => d.Verdict.Outcome == Effects.MidiOutcome.Belemmerend))}; " +
                    $"bevorderend {Names(round.Determinants.Where(d => d.Verdict.Outcome == Effects.MidiOutcome.Bevorderend))}.");
                latest = round;
                thresholds = survey.Thresholds;
            }

            text.AppendLine();
        }

        if (tracking is { Surveys.Count: > 0, Coded.Count: > 0 })
        {
            var barriers = tracking.Coded.Where(c => c.Barriers > 0).OrderByDescending(c => c.Barriers).Take(5).ToList();
            text.AppendLine($"Ter vergelijking: in de verslagen en documenten zijn als belemmerend gecodeerd {(barriers.Count == 0 ? "geen determinanten" : string.Join(", ", barriers.Select(c => $"{c.Determinant}. {MarkdownText.Escape(c.Name)} ({Number(c.Barriers)})")))}.").AppendLine();
        }

        var chart = latest?.Chart(thresholds, "effecten-midi", $"MIDI-profiel: {latest.RoundName}");
        Chart(data, ReportPlaceholders.EffectenMidi, (ChartSpec?)chart ?? new ProfileChartSpec { Id = "effecten-midi", Title = "MIDI-profiel", Description = "Er is (nog) geen MIDI-vragenlijst afgenomen." },
            chart is { Items.Count: > 0 });

        // over rounds: the survey with the most rounds answered (one chart and table in the chapter)
        var tracked = (tracking?.Surveys ?? []).OrderByDescending(s => s.AllRespondentRounds().Count).FirstOrDefault();
        var overRounds = tracked?.OverRoundsChart("effecten-midi-rondes", $"MIDI-profiel per ronde: {tracked.Title}");
        Chart(data, ReportPlaceholders.EffectenMidiRondes, (ChartSpec?)overRounds ?? new HeatmapChartSpec { Id = "effecten-midi-rondes", Title = "MIDI-profiel per ronde",
            Description = "Er is (nog) geen MIDI-vragenlijst afgenomen." }, overRounds is { Cells.Count: > 0 });
        var table = tracked?.OverRoundsTable();
        data.Tables[ReportPlaceholders.EffectenMidiTabel] = new ReportTable(table?.Headers ?? ["Determinant"], table?.Rows ?? [],
            EmptyText: "Er is (nog) geen MIDI-vragenlijst afgenomen.");
    }

    private static string StatusName(LearningStatus status) => status switch
    {
        LearningStatus.Open => "open",
        LearningStatus.InUitvoering => "in uitvoering",
        LearningStatus.Opgelost => "opgelost",
        _ => "losgelaten",
    };

    private static ReportTable PlanTable(Context context, DateOnly today)
    {
        if (context.Plan is not { } plan)
        {
            return new ReportTable(["Fase", "Doel", "Activiteiten", "Gereed"], [], EmptyText: "Er is geen implementatieplan vastgelegd.");
        }

        var scores = PlanScoring.Score(plan, today);
        return new ReportTable(["Fase", "Doel", "Activiteiten", "Gereed"],
            [.. scores.Where(s => s.Activities > 0 || plan.Goals.Any(g => g.Phase == s.Phase)).Select(s => (IReadOnlyList<string>)[PhaseLabel(context, s.Phase),
                plan.Goals.FirstOrDefault(g => g.Phase == s.Phase)?.Goal ?? "", Number(s.Activities), Number(s.Done)])]);
    }

    /// <summary>The frameworks the project actually used: the codebooks of its codings, and Movisie's phases when it has a plan or phase decisions.</summary>
    private static List<ReferenceFramework> UsedFrameworks(Context context, IReadOnlyList<Finding> findings, IReadOnlyList<ReferenceFramework> frameworks)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in context.Fragments.Select(f => f.CodeKey).OfType<string>())
        {
            codes.Add(key.Split('-')[0]);
        }

        if (findings.Any(f => f.Fields.Determinants.Count > 0))
        {
            codes.Add("midi");
        }

        if (findings.Any(f => f.Fields.BowenAreas.Count > 0))
        {
            codes.Add("bowen");
        }

        if (context.Plan is { } plan && (plan.Activities.Count > 0 || plan.Transitions.Count > 0))
        {
            codes.Add("movisie");
        }

        return [.. frameworks.Where(f => codes.Contains(f.Code))];
    }

    private static int? KeyNumber(string? key, string prefix) =>
        key is not null && key.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Determinants and Bowen areas by name, never by bare number.</summary>
    private sealed record FrameNames(IReadOnlyDictionary<int, string> Midi, IReadOnlyDictionary<int, string> Bowen)
    {
        public string Determinants(IEnumerable<int> numbers) => string.Join("; ", numbers.Select(n => Midi.GetValueOrDefault(n, $"determinant {n}")));

        public string Areas(IEnumerable<int> numbers) => string.Join("; ", numbers.Select(n => Bowen.GetValueOrDefault(n, $"gebied {n}")));
    }

    private sealed record RoundSummary(int Rounds, int Differences, int Settled, string Agreement);

    private static string Introduction(Context context)
    {
        var project = context.Project;
        var text = new StringBuilder();
        text.AppendLine("### Aanleiding").AppendLine();
        text.AppendLine(project.Description.Length > 0 ? MarkdownText.Escape(project.Description) : $"{MarkdownText.Escape(project.Organisation)} voert {MarkdownText.Escape(project.Innovation)} in.").AppendLine();
        text.AppendLine("### Doel").AppendLine();
        text.AppendLine($"Deze procesevaluatie legt vast wat de invoering van {MarkdownText.Escape(project.Innovation)} bij {MarkdownText.Escape(project.Organisation)} heeft bevorderd en belemmerd, zodat de organisatie en anderen die een vergelijkbare innovatie invoeren ervan kunnen leren.").AppendLine();
        text.AppendLine("### Vraagstelling").AppendLine();
        text.AppendLine("Welke factoren hebben de ontwikkeling en invoering bevorderd of belemmerd (succesfactoren), wat is daarvan geleerd, en wat is nodig om de innovatie blijvend te gebruiken?");
        return text.ToString().TrimEnd();
    }

    private static string EvaluationSummary(Context context, ReportData data, int meetings, bool concept) =>
        $"{MarkdownText.Escape(context.Project.Organisation)} werkte van {Date(context.Project.StartDate)} {(context.Project.EndDate is { } end ? "tot " + Date(end) : "tot heden")} aan {MarkdownText.Escape(context.Project.Innovation)}, " +
        $"met {context.Groups.Count} {(context.Groups.Count == 1 ? "groep" : "groepen")} en {meetings} gehouden bijeenkomsten. " +
        $"Uit de verslagen, slotreflecties en gecodeerde fragmenten zijn {data.Values[ReportPlaceholders.BevindingenSuccesfactoren]} succesfactoren, {data.Values[ReportPlaceholders.BevindingenLessen]} geleerde lessen en " +
        $"{data.Values[ReportPlaceholders.BevindingenAdviezen]} {(data.Values[ReportPlaceholders.BevindingenAdviezen] == "1" ? "advies" : "adviezen")} {(concept ? "vastgelegd; in dit concept staan ook bevindingen die nog niet zijn vastgesteld" : "vastgesteld")}. " +
        $"Het project staat nu in fase {MarkdownText.Escape(data.Values[ReportPlaceholders.FaseHuidig])}.";

    private void Chart(ReportData data, string key, ChartSpec spec, bool hasData)
    {
        var table = spec.ToTable();
        data.Charts[key] = new ReportChart(spec.Title, spec.Description, hasData ? _charts.Render(spec) : "", new ReportTable(table.Headers, hasData ? table.Rows : [], table.Caption),
            hasData ? _charts.RenderPng(spec) : null);
    }

    private sealed record DeterminantCount(int Number, string Name, string Group, int Facilitators, int Barriers);

    private static List<DeterminantCount> Determinants(IEnumerable<Fragment> fragments) =>
        fragments.Where(f => f.CodeKey is { } k && k.StartsWith("midi-", StringComparison.Ordinal) && char.IsDigit(k["midi-".Length]))
            .GroupBy(f => f.CodeKey!)
            .Select(g => new DeterminantCount(int.Parse(g.Key["midi-".Length..], CultureInfo.InvariantCulture), g.First().CodeName,
                g.First().CodePath.Split(" / ") is { Length: > 2 } path ? path[1] : "",
                g.Count(f => f.Coding.Valence == Valence.Bevorderend), g.Count(f => f.Coding.Valence == Valence.Belemmerend)))
            .OrderBy(d => d.Number).ToList();

    private static DivergingBarChartSpec DeterminantChart(IReadOnlyList<DeterminantCount> determinants, string title) => new()
    {
        Id = "determinanten",
        Title = title,
        Description = "Per MIDI-determinant het aantal belemmerende (links) en bevorderende (rechts) gecodeerde fragmenten, gegroepeerd naar MIDI-groep.",
        Items = [.. determinants.Where(d => d.Facilitators + d.Barriers > 0).Select(d => new DivergingBarItem($"{d.Number}. {d.Name}", d.Group, d.Barriers, d.Facilitators))],
    };

    private static HeatmapChartSpec Heatmap(Context context)
    {
        var midi = context.Fragments.Where(f => f.CodeKey is { } k && k.StartsWith("midi-", StringComparison.Ordinal) && f.Phase is not null).ToList();
        var rows = Determinants(midi).Select(d => (d.Number, Label: $"{d.Number}. {d.Name}")).ToList();
        var cells = new List<HeatmapCell>();
        for (var r = 0; r < rows.Count; r++)
        {
            var key = "midi-" + rows[r].Number.ToString(CultureInfo.InvariantCulture);
            foreach (var phase in midi.Where(f => f.CodeKey == key).GroupBy(f => f.Phase!.Value))
            {
                cells.Add(new HeatmapCell(r, phase.Key, phase.Count()));
            }
        }

        return new HeatmapChartSpec
        {
            Id = "heatmap",
            Title = "Determinanten per fase",
            Description = "Aantal gecodeerde fragmenten per MIDI-determinant (rijen) en Movisie-fase (kolommen); de fase is die van het project op de datum van de bijeenkomst.",
            Rows = [.. rows.Select(r => r.Label)],
            Columns = [.. context.Phases.OrderBy(p => p.Number).Select(p => $"{p.Number} {p.NameNl}")],
            Cells = cells,
        };
    }

    private static StackedBarChartSpec MeetingsOverTime(Context context, DateOnly from, DateOnly to)
    {
        var held = context.Facts.Values.SelectMany(f => f).Where(f => f.Status == MeetingStatus.Gehouden && f.HeldOn >= from && f.HeldOn <= to).ToList();
        var months = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to && months.Count < 120; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        bool In(DateOnly day, DateOnly month) => day.Year == month.Year && day.Month == month.Month;
        return new StackedBarChartSpec
        {
            Id = "bijeenkomsten-tijd",
            Title = "Bijeenkomsten en slotreflecties per maand",
            Description = "Aantal gehouden bijeenkomsten en aantal antwoorden op de slotvraag per maand, over alle groepen, naast elkaar.",
            // two counts that do not add up to anything: side by side, dark and light so they also differ in grey print
            Layout = SeriesLayout.SideBySide,
            ValueLabel = "Aantal",
            Categories = [.. months.Select(m => m.ToString("MMM yy", _dutch))],
            Series =
            [
                new StackedBarSeries("Bijeenkomsten", "#0b5cad", [.. months.Select(m => (double)held.Count(f => In(f.HeldOn, m)))]),
                new StackedBarSeries("Slotreflecties", "#8fd3a8", [.. months.Select(m => (double)held.Where(f => In(f.HeldOn, m)).Sum(f => f.Reflections.Count))]),
            ],
        };
    }

    private static string Summary(ReportData data, PeriodFigures now, PeriodFigures before)
    {
        var text = new StringBuilder();
        text.Append($"Op {MarkdownText.Escape(data.Values[ReportPlaceholders.PeriodeTot])}, het einde van de periode, stond het project in fase {MarkdownText.Escape(data.Values[ReportPlaceholders.FaseHuidig])}");
        text.Append(now.Phase != before.Phase && before.Phase is { } earlier ? $" (in de vorige periode fase {earlier}). " : ". ");
        text.Append($"Van de {now.Counted} activiteiten in het plan waren er {now.Done} gereed ({data.Values[ReportPlaceholders.PlanScore]}, {Change(now.Done, before.Done)} ten opzichte van de vorige periode) en {now.Overdue} achterstallig. ");
        text.Append($"Er {(now.Held == 1 ? "was 1 bijeenkomst" : $"waren {now.Held} bijeenkomsten")} (vorige periode {before.Held}); {now.OpenActions.Count} {(now.OpenActions.Count == 1 ? "actiepunt stond" : "actiepunten stonden")} open.");
        return text.ToString();
    }

    private static string Approach(Context context)
    {
        var text = new StringBuilder();
        text.AppendLine($"Het project liep van {Date(context.Project.StartDate)} {(context.Project.EndDate is { } end ? "tot " + Date(end) : "tot heden")} en werkte met {context.Groups.Count} {(context.Groups.Count == 1 ? "groep" : "groepen")}:").AppendLine();
        foreach (var group in context.Groups)
        {
            var held = context.Facts[group.Id].Count(f => f.Status == MeetingStatus.Gehouden);
            text.AppendLine($"- **{MarkdownText.Escape(group.Name)}** ({group.Kind.ToString().ToLowerInvariant()}, {held} bijeenkomsten{(group.Cadence.Length > 0 ? ", " + MarkdownText.Escape(group.Cadence) : "")}){(group.Purpose.Length > 0 ? ": " + MarkdownText.Escape(group.Purpose) : "")}");
        }

        return text.ToString().TrimEnd();
    }

    private static string Method(Context context, IReadOnlyList<Finding> findings, int meetings, IReadOnlyList<CodingDocument> documents, List<string> coders, RoundSummary rounds,
        IReadOnlyList<ReferenceFramework> frameworks, List<string> bowenAreas)
    {
        var minutes = documents.Count(d => d.Kind == DocumentKind.Verslag);
        var reflections = documents.Count(d => d.Kind == DocumentKind.Reflectie);
        var uploads = documents.Count(d => d.Kind == DocumentKind.Upload);
        var groups = context.Groups.Where(g => context.Facts[g.Id].Any(f => f.Status == MeetingStatus.Gehouden)).Select(g => MarkdownText.Escape(g.Name)).ToList();
        var text = new StringBuilder();
        text.Append($"De bevindingen zijn afgeleid uit {meetings} gehouden bijeenkomsten{(groups.Count > 0 ? " van " + List(groups) : "")}: {minutes} verslagen en {reflections} antwoorden op de slotvraag ‘wat heeft vandaag voor jou wel en wat heeft vandaag minder gewerkt?’");
        text.Append(uploads > 0 ? $", aangevuld met {uploads} andere documenten (interviews, vragenlijsten). " : ". ");
        var coding = frameworks.Where(f => f.Code != "movisie").Select(f => MarkdownText.Escape(f.Title)).ToList();
        if (context.Fragments.Count > 0)
        {
            text.Append($"Daarin zijn {context.Fragments.Count} fragmenten gecodeerd{(coding.Count > 0 ? " met " + List(coding) : "")}, telkens als bevorderend of belemmerend, ");
            text.Append(coders.Count == 1 ? $"door één onderzoeker ({MarkdownText.Escape(coders[0])}). " : $"door {coders.Count} codeurs ({List([.. coders.Select(MarkdownText.Escape)])}). ");
        }
        else
        {
            text.Append("Er zijn (nog) geen fragmenten gecodeerd. ");
        }

        if (bowenAreas.Count > 0)
        {
            text.Append($"Van de principes van Bowen zijn gebruikt: {List(bowenAreas)}. ");
        }

        if (context.Plan is { Transitions.Count: > 0 })
        {
            text.Append("De fase van elk fragment is de Movisie-fase waarin het project op de datum van de bron stond, volgens de vastgelegde fasebesluiten. ");
        }

        if (rounds.Rounds > 0)
        {
            text.Append($"Om de betrouwbaarheid te toetsen is in {rounds.Rounds} {(rounds.Rounds == 1 ? "ronde" : "rondes")} een deel van de documenten onafhankelijk dubbel gecodeerd; de overeenstemming was {MarkdownText.Escape(rounds.Agreement)}. ");
            text.Append(rounds.Differences == 0 ? "Er waren geen verschillen te bespreken. "
                : rounds.Settled == rounds.Differences ? $"Alle {rounds.Differences} verschillen zijn besproken en beslecht. "
                : $"Van de {rounds.Differences} verschillen zijn er {rounds.Settled} besproken en beslecht; {rounds.Differences - rounds.Settled} staan nog open. ");
        }
        else
        {
            text.Append("Er is geen dubbele codering gedaan. ");
        }

        var sessions = findings.SelectMany(f => f.Sessions).DistinctBy(s => (s.HeldOn, s.Participants)).OrderBy(s => s.HeldOn).ToList();
        var settledFindings = findings.Count(f => f.Status == FindingStatus.Vastgesteld);
        text.Append(sessions.Count == 0
            ? "De bevindingen zijn niet in een gezamenlijke sessie besproken."
            : $"De bevindingen zijn in {sessions.Count} {(sessions.Count == 1 ? "sessie" : "sessies")} besproken ({List([.. sessions.Select(s => Date(s.HeldOn) + (s.Participants.Length > 0 ? " met " + MarkdownText.Escape(s.Participants) : ""))])}); {settledFindings} {(settledFindings == 1 ? "is" : "zijn")} daarna vastgesteld.");
        return text.ToString();
    }

    private static string List(List<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " en " + items[^1],
    };

    private static string Frame(IReadOnlyList<ReferenceFramework> used)
    {
        var parts = new List<string>();
        foreach (var framework in used)
        {
            parts.Add(framework.Code switch
            {
                "midi" => "Het **Meetinstrument Determinanten van Innovaties (MIDI)** (Fleuren e.a., 2014) richt de aandacht op 29 determinanten in vier groepen: kenmerken van de innovatie, van de gebruiker, van de organisatie en van de sociaal-politieke context.",
                "bowen" => "De **principes van Bowen** (Bowen e.a., 2009) geven de vragen van een haalbaarheidsonderzoek, zoals aanvaardbaarheid, vraag, implementatie, uitvoerbaarheid en integratie.",
                "movisie" => "De **Toolkit Implementatie van Movisie** deelt het implementatieproces in fasen in: ontwikkelen, weten, begrijpen, willen, doen en blijven doen.",
                _ => $"**{MarkdownText.Escape(framework.Title)}**.",
            });
        }

        return parts.Count == 0 ? "" : $"De analyse gebruikt {parts.Count switch { 1 => "één kader", 2 => "twee kaders", 3 => "drie kaders", _ => $"{parts.Count} kaders" }}. " + string.Join(" ", parts);
    }

    private static string FindingsText(List<Finding> findings, Context context, FrameNames names)
    {
        if (findings.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var heading in findings.GroupBy(f => f.Fields.Heading))
        {
            if (heading.Key.Length > 0)
            {
                text.AppendLine($"### {MarkdownText.Escape(heading.Key)}").AppendLine();
            }

            foreach (var finding in heading)
            {
                text.AppendLine($"**{MarkdownText.Escape(finding.Fields.Title)}**").AppendLine();
                if (finding.Fields.Explanation.Length > 0)
                {
                    text.AppendLine(MarkdownText.Escape(finding.Fields.Explanation)).AppendLine();
                }

                var frame = new List<string>();
                if (finding.Fields.Determinants.Count > 0)
                {
                    frame.Add("determinanten: " + MarkdownText.Escape(names.Determinants(finding.Fields.Determinants).ToLowerInvariant()));
                }

                if (finding.Fields.BowenAreas.Count > 0)
                {
                    frame.Add("Bowen: " + MarkdownText.Escape(names.Areas(finding.Fields.BowenAreas).ToLowerInvariant()));
                }

                if (finding.Fields.Phase is { } phase)
                {
                    frame.Add($"fase {phase} ({PhaseName(context, phase)})");
                }

                frame.Add(finding.Status switch
                {
                    FindingStatus.Vastgesteld => "vastgesteld",
                    FindingStatus.Besproken => "besproken, nog niet vastgesteld",
                    _ => "concept, nog niet besproken",
                } + (finding.Sessions.Count > 0 ? $" na sessie van {Date(finding.Sessions[^1].HeldOn)}" : ""));
                text.AppendLine($"*{string.Join(" · ", frame)}*").AppendLine();
                foreach (var evidence in finding.Evidence.Where(e => e.Kind is EvidenceKind.Codering or EvidenceKind.Reflectie).Take(3))
                {
                    text.AppendLine($"> “{MarkdownText.Escape(Shorten(evidence.Quote, 400))}” — {MarkdownText.Escape(evidence.Source)}").AppendLine();
                }
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";

    private static string PhaseName(Context context, int phase) => context.Phases.FirstOrDefault(p => p.Number == phase)?.NameNl ?? "";

    private static string KindName(FindingKind kind) => kind switch
    {
        FindingKind.Succesfactor => "succesfactor",
        FindingKind.Les => "les",
        _ => "advies",
    };

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", _dutch);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("0", _dutch) + "%";

    private static string Kappa(double? value) => value is { } v ? v.ToString("0.00", _dutch) : "–";
}
