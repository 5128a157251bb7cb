using System.Globalization;
using System.Text;
using Monitor.Core.Charts;
using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Findings;
using Monitor.Core.Frameworks;
using Monitor.Core.Meetings;
using Monitor.Core.Planning;
using Monitor.Core.Projects;
using Monitor.Core.Reports.Templates;

namespace Monitor.Core.Reports;

/// <summary>
/// Collects what the two report templates can show (<see cref="Catalog"/>) from the stores. Everything a person
/// typed is Markdown-escaped here; the texts are Markdown made by this class.
/// </summary>
public sealed class ReportDataBuilder
{
    private static readonly CultureInfo _dutch = CultureInfo.GetCultureInfo("nl-NL");
    private readonly ProjectStore _projects;
    private readonly PlanStore _plans;
    private readonly FrameworkStore _frameworks;
    private readonly MeetingStore _meetings;
    private readonly CodingStore _coding;
    private readonly FindingStore _findings;
    private readonly IChartRenderer _charts;

    public ReportDataBuilder(ProjectStore projects, PlanStore plans, FrameworkStore frameworks, MeetingStore meetings, CodingStore coding, FindingStore findings, IChartRenderer charts)
    {
        _charts = charts;
        _projects = projects;
        _plans = plans;
        _frameworks = frameworks;
        _meetings = meetings;
        _coding = coding;
        _findings = findings;
    }

    /// <summary>The placeholder keys each report type offers, per kind (for template validation and the editor's help).</summary>
    public static IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> Catalog(ReportKind kind)
    {
        var common = new[] { "project.naam", "project.organisatie", "project.innovatie", "project.beschrijving", "project.periode", "rapport.datum", "fase.huidig" };
        return kind == ReportKind.Voortgang
            ? new Dictionary<PlaceholderKind, IReadOnlySet<string>>
            {
                [PlaceholderKind.Waarde] = Set([.. common, "periode.van", "periode.tot", "plan.score", "fase.score", "activiteiten.totaal", "activiteiten.gereed",
                    "activiteiten.achterstallig", "bijeenkomsten.aantal", "opkomst", "respons", "lussluiting", "actiepunten.open", "fragmenten.aantal"]),
                [PlaceholderKind.Tabel] = Set(["fasen", "activiteiten.gedaan", "activiteiten.achterstallig", "activiteiten.volgende", "bijeenkomsten", "actiepunten.open",
                    "belemmeringen.top", "bevorderend.top", "bevindingen.gewijzigd"]),
                [PlaceholderKind.Tekst] = Set(["samenvatting"]),
                [PlaceholderKind.Grafiek] = Set(["fasevoortgang", "tijdlijn", "bijeenkomsten.tijd", "determinanten"]),
            }
            : new Dictionary<PlaceholderKind, IReadOnlySet<string>>
            {
                [PlaceholderKind.Waarde] = Set([.. common, "bronnen.bijeenkomsten", "bronnen.verslagen", "bronnen.reflecties", "bronnen.fragmenten", "bronnen.documenten",
                    "bronnen.codeurs", "overeenstemming.kort", "bevindingen.succesfactoren", "bevindingen.lessen", "bevindingen.adviezen"]),
                [PlaceholderKind.Tabel] = Set(["groepen", "overeenstemming", "bevindingen.overzicht"]),
                [PlaceholderKind.Tekst] = Set(["aanpak", "methode", "kader", "succesfactoren", "lessen", "adviezen"]),
                [PlaceholderKind.Grafiek] = Set(["determinanten", "heatmap", "bijeenkomsten.tijd", "fasevoortgang"]),
            };
    }

    private static HashSet<string> Set(IEnumerable<string> keys) => new(keys, StringComparer.Ordinal);

    private sealed record Context(
        Projects.Project Project, ImplementationPlan? Plan, IReadOnlyList<MovisiePhase> Phases, IReadOnlyList<GroupInfo> Groups,
        IReadOnlyDictionary<long, IReadOnlyList<MeetingFacts>> Facts, IReadOnlyList<Fragment> Fragments, IReadOnlyList<Finding> Findings);

    private async Task<Context?> LoadAsync(long projectId, CancellationToken cancellationToken)
    {
        if (await _projects.FindAsync(projectId, cancellationToken) is not { } project)
        {
            return null;
        }

        var groups = await _meetings.ListGroupsAsync(projectId, cancellationToken) ?? [];
        var facts = new Dictionary<long, IReadOnlyList<MeetingFacts>>();
        foreach (var group in groups)
        {
            facts[group.Id] = await _meetings.GetFactsAsync(group.Id, cancellationToken);
        }

        return new Context(project, await _plans.FindPlanAsync(projectId, cancellationToken), await _frameworks.ListPhasesAsync(cancellationToken), groups, facts,
            await _coding.ListFragmentsAsync(projectId, new FragmentFilter { Limit = int.MaxValue }, cancellationToken), await _findings.ListAsync(projectId, cancellationToken));
    }

    private static void Common(ReportData data, Context context, ReportParameters parameters)
    {
        var project = context.Project;
        data.Values["project.naam"] = project.Name;
        data.Values["project.organisatie"] = project.Organisation;
        data.Values["project.innovatie"] = project.Innovation;
        data.Values["project.beschrijving"] = project.Description;
        data.Values["project.periode"] = Date(project.StartDate) + (project.EndDate is { } end ? " – " + Date(end) : " – heden");
        data.Values["rapport.datum"] = Date(parameters.Today);
        data.Values["fase.huidig"] = $"{project.CurrentPhase} · {PhaseName(context, project.CurrentPhase)}";
    }

    /// <summary>The data of the progress report over a period; null when the project does not exist.</summary>
    public async Task<ReportData?> ProgressAsync(long projectId, ReportParameters parameters, CancellationToken cancellationToken = default)
    {
        var context = await LoadAsync(projectId, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var data = new ReportData();
        Common(data, context, parameters);
        var (from, to, today) = (parameters.From, parameters.To, parameters.Today);
        data.Values["periode.van"] = Date(from);
        data.Values["periode.tot"] = Date(to);

        var activities = context.Plan?.Activities.Select(a => a.Fields).ToList() ?? [];
        var scores = context.Plan is { } plan ? PlanScoring.Score(plan, today) : [];
        var counted = activities.Where(a => a.Status != ActivityStatus.Vervallen).ToList();
        data.Values["activiteiten.totaal"] = Number(counted.Count);
        data.Values["activiteiten.gereed"] = Number(counted.Count(a => a.Status == ActivityStatus.Gereed));
        data.Values["activiteiten.achterstallig"] = Number(activities.Count(a => PlanScoring.IsOverdue(a, today)));
        data.Values["plan.score"] = counted.Count == 0 ? "–" : Percent((double)counted.Count(a => a.Status == ActivityStatus.Gereed) / counted.Count);
        data.Values["fase.score"] = scores.FirstOrDefault(s => s.IsCurrent)?.Completion is { } completion ? Percent(completion) : "–";
        data.Tables["fasen"] = new ReportTable(["Fase", "Activiteiten", "Gereed", "Achterstallig", "Voltooid"],
            [.. scores.Where(s => s.Activities > 0 || s.IsCurrent).Select(s => (IReadOnlyList<string>)[
                $"{s.Phase} · {PhaseName(context, s.Phase)}{(s.IsCurrent ? " (huidig)" : "")}", Number(s.Activities), Number(s.Done), Number(s.Overdue), s.Completion is { } c ? Percent(c) : "–"])]);
        data.Tables["activiteiten.gedaan"] = new ReportTable(["Fase", "Activiteit", "Gereed op", "Eigenaar"],
            [.. activities.Where(a => a.Status == ActivityStatus.Gereed && a.CompletedOn is { } done && done >= from && done <= to).OrderBy(a => a.CompletedOn)
                .Select(a => (IReadOnlyList<string>)[Number(a.Phase), a.Title, Date(a.CompletedOn!.Value), a.Owner])],
            EmptyText: "Geen activiteiten afgerond in deze periode.");
        data.Tables["activiteiten.achterstallig"] = new ReportTable(["Fase", "Activiteit", "Gepland", "Eigenaar", "Status"],
            [.. activities.Where(a => PlanScoring.IsOverdue(a, today)).OrderBy(a => a.PlannedMonth?.FirstDay)
                .Select(a => (IReadOnlyList<string>)[Number(a.Phase), a.Title, a.PlannedMonth?.FirstDay.ToString("MMMM yyyy", _dutch) ?? "", a.Owner, a.Status.ToCode()])],
            EmptyText: "Geen achterstallige activiteiten.");
        data.Tables["activiteiten.volgende"] = new ReportTable(["Fase", "Activiteit", "Gepland", "Eigenaar"],
            [.. activities.Where(a => a.Status is ActivityStatus.Gepland or ActivityStatus.Bezig && !PlanScoring.IsOverdue(a, today))
                .OrderBy(a => a.PlannedMonth?.FirstDay ?? DateOnly.MaxValue).ThenBy(a => a.Phase).Take(10)
                .Select(a => (IReadOnlyList<string>)[Number(a.Phase), a.Title, a.PlannedMonth?.FirstDay.ToString("MMMM yyyy", _dutch) ?? "", a.Owner])],
            EmptyText: "Geen geplande activiteiten.");

        // meetings in the period, per group, against the cadence
        var meetingRows = new List<IReadOnlyList<string>>();
        var held = 0;
        foreach (var group in context.Groups)
        {
            var facts = context.Facts[group.Id];
            var inPeriod = facts.Where(f => f.Status == MeetingStatus.Gehouden && f.HeldOn >= from && f.HeldOn <= to).ToList();
            held += inPeriod.Count;
            var gaps = CadenceCheck.FindGaps(facts.Where(f => f.Status == MeetingStatus.Gehouden).Select(f => f.HeldOn), group.CadenceDays, to, context.Project.EndDate)
                .Count(g => g.To >= from && g.From <= to);
            var last = facts.Where(f => f.Status == MeetingStatus.Gehouden && f.HeldOn <= to).Select(f => (DateOnly?)f.HeldOn).Max();
            meetingRows.Add([group.Name, Number(inPeriod.Count), group.CadenceDays is { } days ? $"elke {days} dagen" : "naar behoefte", last is { } l ? Date(l) : "–", Number(gaps)]);
        }

        // per group over its whole history (follow-up happens in the next meeting), then the rows of the period
        var rows = context.Groups.SelectMany(g => MeetingMetrics.Compute(context.Facts[g.Id]).Meetings).Where(r => r.HeldOn >= from && r.HeldOn <= to).ToList();
        static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
        var (present, expected, responses) = (rows.Sum(r => r.Present), rows.Sum(r => r.Expected), rows.Sum(r => r.Responses));
        var (lessDue, lessClosed) = (rows.Sum(r => r.LessDue), rows.Sum(r => r.LessClosed));
        data.Values["bijeenkomsten.aantal"] = Number(held);
        data.Values["opkomst"] = Rate(present, expected) is { } attendance ? Percent(attendance) : "–";
        data.Values["respons"] = Rate(responses, present) is { } response ? Percent(response) : "–";
        data.Values["lussluiting"] = Rate(lessClosed, lessDue) is { } loop ? $"{Percent(loop)} ({lessClosed} van {lessDue})" : "–";
        data.Tables["bijeenkomsten"] = new ReportTable(["Groep", "Gehouden in periode", "Ritme", "Laatste bijeenkomst", "Gaten in het ritme"], held == 0 ? [] : meetingRows,
            EmptyText: "Geen bijeenkomsten gehouden in deze periode.");

        var open = new List<IReadOnlyList<string>>();
        foreach (var group in context.Groups)
        {
            if (await _meetings.FindGroupAsync(context.Project.Id, group.Id, cancellationToken) is { } detail)
            {
                open.AddRange(detail.OpenActionItems.OrderBy(a => a.DueOn ?? DateOnly.MaxValue)
                    .Select(a => (IReadOnlyList<string>)[group.Name, a.Description, a.OwnerLabel ?? "", a.DueOn is { } due ? Date(due) : ""]));
            }
        }

        data.Values["actiepunten.open"] = Number(open.Count);
        data.Tables["actiepunten.open"] = new ReportTable(["Groep", "Actiepunt", "Eigenaar", "Uiterlijk"], open, EmptyText: "Geen open actiepunten.");

        var period = context.Fragments.Where(f => f.Date is { } d && d >= from && d <= to).ToList();
        data.Values["fragmenten.aantal"] = Number(period.Count);
        var determinants = Determinants(period);
        data.Tables["belemmeringen.top"] = new ReportTable(["Determinant", "Belemmerend", "Bevorderend"],
            [.. determinants.Where(d => d.Barriers > 0).OrderByDescending(d => d.Barriers).ThenBy(d => d.Number).Take(5).Select(d => (IReadOnlyList<string>)[$"{d.Number}. {d.Name}", Number(d.Barriers), Number(d.Facilitators)])],
            EmptyText: "Geen belemmerende fragmenten gecodeerd in deze periode.");
        data.Tables["bevorderend.top"] = new ReportTable(["Determinant", "Bevorderend", "Belemmerend"],
            [.. determinants.Where(d => d.Facilitators > 0).OrderByDescending(d => d.Facilitators).ThenBy(d => d.Number).Take(5).Select(d => (IReadOnlyList<string>)[$"{d.Number}. {d.Name}", Number(d.Facilitators), Number(d.Barriers)])],
            EmptyText: "Geen bevorderende fragmenten gecodeerd in deze periode.");
        var fromMoment = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var toMoment = new DateTimeOffset(to.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        data.Tables["bevindingen.gewijzigd"] = new ReportTable(["Soort", "Bevinding", "Status", "Gewijzigd"],
            [.. context.Findings.Where(f => f.UpdatedAt >= fromMoment && f.UpdatedAt <= toMoment).OrderBy(f => f.UpdatedAt)
                .Select(f => (IReadOnlyList<string>)[KindName(f.Fields.Kind), f.Fields.Title, Codes.ToCode(f.Status), Date(DateOnly.FromDateTime(f.UpdatedAt.UtcDateTime))])],
            EmptyText: "Geen bevindingen gewijzigd in deze periode.");
        data.Texts["samenvatting"] = Summary(data);

        if (context.Plan is { } p)
        {
            Chart(data, "fasevoortgang", PlanCharts.Progress(scores, context.Phases, "nl"), scores.Any(s => s.Activities > 0));
            Chart(data, "tijdlijn", PlanCharts.Timeline(p, context.Phases, today, "nl"), activities.Count > 0);
        }

        Chart(data, "bijeenkomsten.tijd", MeetingsOverTime(context, from, to), held > 0);
        Chart(data, "determinanten", DeterminantChart(determinants, "Bevorderende en belemmerende factoren in de periode"), period.Count > 0);
        return data;
    }

    /// <summary>The data of the process evaluation (success factors and lessons learned); null when the project does not exist.</summary>
    public async Task<ReportData?> EvaluationAsync(long projectId, ReportParameters parameters, CancellationToken cancellationToken = default)
    {
        var context = await LoadAsync(projectId, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var data = new ReportData();
        Common(data, context, parameters);
        var held = context.Facts.Values.SelectMany(f => f).Where(f => f.Status == MeetingStatus.Gehouden).ToList();
        var documents = await _coding.ListDocumentsAsync(projectId, cancellationToken);
        data.Values["bronnen.bijeenkomsten"] = Number(held.Count);
        data.Values["bronnen.verslagen"] = Number(documents.Count(d => d.Kind == DocumentKind.Verslag));
        data.Values["bronnen.reflecties"] = Number(documents.Count(d => d.Kind == DocumentKind.Reflectie));
        data.Values["bronnen.documenten"] = Number(documents.Count(d => d.Kind == DocumentKind.Upload));
        data.Values["bronnen.fragmenten"] = Number(context.Fragments.Count);
        var coders = context.Fragments.Select(f => f.Coding.CoderName).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        data.Values["bronnen.codeurs"] = coders.Count == 0 ? "–" : string.Join(", ", coders);

        var rounds = (await _coding.ListRoundsAsync(projectId, cancellationToken)).Where(r => r.Status == RoundStatus.Gesloten).ToList();
        var agreementRows = new List<IReadOnlyList<string>>();
        foreach (var round in rounds)
        {
            if (await _coding.AgreementAsync(projectId, round.Id, cancellationToken) is { } report)
            {
                foreach (var (characters, segments) in report.Pooled.Characters.Zip(report.Pooled.Segments))
                {
                    agreementRows.Add([round.Name, $"{characters.CoderA} – {characters.CoderB}", Number(round.DocumentIds.Count), Percent(characters.PercentAgreement),
                        Kappa(characters.Kappa), Kappa(segments.Kappa), Kappa(report.Pooled.Alpha.Alpha)]);
                }
            }
        }

        data.Tables["overeenstemming"] = new ReportTable(["Ronde", "Codeurs", "Documenten", "% overeenstemming (tekens)", "κ tekens", "κ alinea's", "α"], agreementRows,
            EmptyText: "Er is (nog) geen dubbel gecodeerde ronde afgesloten.");
        data.Values["overeenstemming.kort"] = agreementRows.Count == 0 ? "geen dubbele codering" : $"κ {agreementRows[^1][4]} op tekenniveau en {agreementRows[^1][5]} op alineaniveau (ronde ‘{agreementRows[^1][0]}’)";

        data.Tables["groepen"] = new ReportTable(["Groep", "Soort", "Doel", "Ritme", "Bijeenkomsten"],
            [.. context.Groups.Select(g => (IReadOnlyList<string>)[g.Name, g.Kind.ToString().ToLowerInvariant(), g.Purpose, g.Cadence, Number(context.Facts[g.Id].Count(f => f.Status == MeetingStatus.Gehouden))])]);
        data.Texts["aanpak"] = Approach(context);
        data.Texts["methode"] = Method(context, held.Count, documents, coders, rounds.Count, data.Values["overeenstemming.kort"]);
        data.Texts["kader"] = Frame();
        data.Texts["succesfactoren"] = FindingsText(context.Findings.Where(f => f.Fields.Kind == FindingKind.Succesfactor).ToList(), context);
        data.Texts["lessen"] = FindingsText(context.Findings.Where(f => f.Fields.Kind == FindingKind.Les).ToList(), context);
        data.Texts["adviezen"] = FindingsText(context.Findings.Where(f => f.Fields.Kind == FindingKind.Advies).ToList(), context);
        data.Values["bevindingen.succesfactoren"] = Number(context.Findings.Count(f => f.Fields.Kind == FindingKind.Succesfactor));
        data.Values["bevindingen.lessen"] = Number(context.Findings.Count(f => f.Fields.Kind == FindingKind.Les));
        data.Values["bevindingen.adviezen"] = Number(context.Findings.Count(f => f.Fields.Kind == FindingKind.Advies));
        data.Tables["bevindingen.overzicht"] = new ReportTable(["Soort", "Thema", "Bevinding", "MIDI", "Bowen", "Fase", "Status", "Bewijs"],
            [.. context.Findings.Select(f => (IReadOnlyList<string>)[KindName(f.Fields.Kind), f.Fields.Heading, f.Fields.Title, string.Join(", ", f.Fields.Determinants),
                string.Join(", ", f.Fields.BowenAreas), f.Fields.Phase?.ToString(CultureInfo.InvariantCulture) ?? "", Codes.ToCode(f.Status), Number(f.Evidence.Count)])],
            EmptyText: "Nog geen bevindingen vastgelegd.");

        var determinants = Determinants(context.Fragments);
        Chart(data, "determinanten", DeterminantChart(determinants, "Bevorderende en belemmerende factoren (MIDI)"), context.Fragments.Count > 0);
        Chart(data, "heatmap", Heatmap(context), context.Fragments.Any(f => f.CodeKey?.StartsWith("midi-", StringComparison.Ordinal) == true));
        Chart(data, "bijeenkomsten.tijd", MeetingsOverTime(context, context.Project.StartDate, context.Project.EndDate ?? parameters.Today), held.Count > 0);
        if (context.Plan is { } plan)
        {
            var scores = PlanScoring.Score(plan, parameters.Today);
            Chart(data, "fasevoortgang", PlanCharts.Progress(scores, context.Phases, "nl"), scores.Any(s => s.Activities > 0));
        }

        return data;
    }

    private void Chart(ReportData data, string key, ChartSpec spec, bool hasData)
    {
        var table = spec.ToTable();
        data.Charts[key] = new ReportChart(spec.Title, spec.Description, hasData ? _charts.Render(spec) : "", new ReportTable(table.Headers, hasData ? table.Rows : [], table.Caption));
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
            Description = "Aantal gehouden bijeenkomsten en aantal antwoorden op de slotvraag per maand, over alle groepen.",
            Categories = [.. months.Select(m => m.ToString("MMM yy", _dutch))],
            Series =
            [
                new StackedBarSeries("Bijeenkomsten", "#0b5cad", [.. months.Select(m => (double)held.Count(f => In(f.HeldOn, m)))]),
                new StackedBarSeries("Slotreflecties", "#2e8b57", [.. months.Select(m => (double)held.Where(f => In(f.HeldOn, m)).Sum(f => f.Reflections.Count))]),
            ],
        };
    }

    private static string Summary(ReportData data) =>
        $"In de periode van {MarkdownText.Escape(data.Values["periode.van"])} tot en met {MarkdownText.Escape(data.Values["periode.tot"])} staat het project in fase " +
        $"{MarkdownText.Escape(data.Values["fase.huidig"])}. Van de {data.Values["activiteiten.totaal"]} activiteiten in het plan zijn er {data.Values["activiteiten.gereed"]} gereed " +
        $"({data.Values["plan.score"]}) en {data.Values["activiteiten.achterstallig"]} achterstallig. Er {(data.Values["bijeenkomsten.aantal"] == "1" ? "was 1 bijeenkomst" : $"waren {data.Values["bijeenkomsten.aantal"]} bijeenkomsten")}; " +
        $"{data.Values["actiepunten.open"]} actiepunten staan open.";

    private static string Approach(Context context)
    {
        var text = new StringBuilder();
        if (context.Project.Description.Length > 0)
        {
            text.AppendLine(MarkdownText.Escape(context.Project.Description)).AppendLine();
        }

        text.AppendLine($"Het project liep van {Date(context.Project.StartDate)} {(context.Project.EndDate is { } end ? "tot " + Date(end) : "tot heden")} en werkte met {context.Groups.Count} {(context.Groups.Count == 1 ? "groep" : "groepen")}:").AppendLine();
        foreach (var group in context.Groups)
        {
            var held = context.Facts[group.Id].Count(f => f.Status == MeetingStatus.Gehouden);
            text.AppendLine($"- **{MarkdownText.Escape(group.Name)}** ({group.Kind.ToString().ToLowerInvariant()}, {held} bijeenkomsten{(group.Cadence.Length > 0 ? ", " + MarkdownText.Escape(group.Cadence) : "")}){(group.Purpose.Length > 0 ? ": " + MarkdownText.Escape(group.Purpose) : "")}");
        }

        return text.ToString().TrimEnd();
    }

    private static string Method(Context context, int meetings, IReadOnlyList<CodingDocument> documents, List<string> coders, int rounds, string agreement)
    {
        var minutes = documents.Count(d => d.Kind == DocumentKind.Verslag);
        var reflections = documents.Count(d => d.Kind == DocumentKind.Reflectie);
        var uploads = documents.Count(d => d.Kind == DocumentKind.Upload);
        var text = new StringBuilder();
        text.Append($"De bevindingen zijn afgeleid uit {meetings} gehouden bijeenkomsten: {minutes} verslagen en {reflections} antwoorden op de slotvraag ‘wat heeft vandaag voor jou wel en wat heeft vandaag minder gewerkt?’");
        text.Append(uploads > 0 ? $", aangevuld met {uploads} andere documenten (interviews, vragenlijsten). " : ". ");
        text.Append($"Daarin zijn {context.Fragments.Count} fragmenten gecodeerd met de MIDI-determinanten, de principes van Bowen en de Movisie-fasen, telkens als bevorderend of belemmerend");
        text.Append(coders.Count > 0 ? $", door {string.Join(", ", coders.Select(MarkdownText.Escape))}. " : ". ");
        text.Append(rounds > 0 ? $"Om de betrouwbaarheid te toetsen codeerden twee onderzoekers een deel van de documenten onafhankelijk van elkaar ({rounds} {(rounds == 1 ? "ronde" : "rondes")}); de overeenstemming was {MarkdownText.Escape(agreement)}. Verschillen zijn besproken en tot consensus gebracht. "
            : "Er is (nog) geen dubbele codering gedaan. ");
        text.Append("De kandidaat-succesfactoren en -lessen zijn daarna in gezamenlijke sessies met het kernteam aangescherpt en vastgesteld.");
        return text.ToString();
    }

    private static string Frame() => """
        De analyse gebruikt drie kaders. Het **Meetinstrument Determinanten van Innovaties (MIDI)** (Fleuren e.a., 2014) richt de aandacht op 29 determinanten in vier groepen: kenmerken van de innovatie, van de gebruiker, van de organisatie en van de sociaal-politieke context. De **principes van Bowen** (Bowen e.a., 2009) geven de vragen van een haalbaarheidsonderzoek: onder meer aanvaardbaarheid, vraag, implementatie en integratie. De **Toolkit Implementatie van Movisie** deelt het implementatieproces in fasen in: ontwikkelen, weten, begrijpen, willen, doen en blijven doen.
        """;

    private static string FindingsText(List<Finding> findings, Context context)
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
                    frame.Add("MIDI " + string.Join(", ", finding.Fields.Determinants));
                }

                if (finding.Fields.BowenAreas.Count > 0)
                {
                    frame.Add("Bowen " + string.Join(", ", finding.Fields.BowenAreas));
                }

                if (finding.Fields.Phase is { } phase)
                {
                    frame.Add($"fase {phase} ({PhaseName(context, phase)})");
                }

                frame.Add(finding.Status switch
                {
                    FindingStatus.Vastgesteld => "vastgesteld",
                    FindingStatus.Besproken => "besproken",
                    _ => "concept",
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
