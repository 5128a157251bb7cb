using Monitor.Core.Reports.Templates;

namespace Monitor.Core.Reports;

/// <summary>
/// The placeholder keys of the two reports — the names templates use after <c>waarde</c>, <c>tabel</c>, <c>tekst</c>
/// and <c>grafiek</c> — and which of them each report offers per kind (<see cref="Catalog"/>). Template validation,
/// the template editor's help and <see cref="ReportDataBuilder"/> all take the keys from here, so each is written once.
/// </summary>
public static class ReportPlaceholders
{
    // both reports: values
    public const string ProjectNaam = "project.naam";
    public const string ProjectOrganisatie = "project.organisatie";
    public const string ProjectInnovatie = "project.innovatie";
    public const string ProjectBeschrijving = "project.beschrijving";
    public const string ProjectPeriode = "project.periode";
    public const string RapportDatum = "rapport.datum";
    public const string FaseHuidig = "fase.huidig";

    // progress report: values
    public const string PeriodeVan = "periode.van";
    public const string PeriodeTot = "periode.tot";
    public const string PlanScore = "plan.score";
    public const string FaseScore = "fase.score";
    public const string ActiviteitenTotaal = "activiteiten.totaal";
    public const string ActiviteitenGereed = "activiteiten.gereed";
    public const string BijeenkomstenAantal = "bijeenkomsten.aantal";
    public const string Opkomst = "opkomst";
    public const string Respons = "respons";
    public const string Lussluiting = "lussluiting";
    public const string FragmentenAantal = "fragmenten.aantal";
    public const string VorigePeriode = "periode.vorige";
    public const string VolgendePeriode = "periode.volgende";

    // progress report: values and tables (the count and the list)
    public const string ActiviteitenAchterstallig = "activiteiten.achterstallig";
    public const string ActiepuntenOpen = "actiepunten.open";

    // progress report: tables and text
    public const string Fasen = "fasen";
    public const string ActiviteitenGedaan = "activiteiten.gedaan";
    public const string ActiviteitenVolgende = "activiteiten.volgende";
    public const string Bijeenkomsten = "bijeenkomsten";
    public const string BelemmeringenTop = "belemmeringen.top";
    public const string BevorderendTop = "bevorderend.top";
    public const string BevindingenGewijzigd = "bevindingen.gewijzigd";
    public const string Samenvatting = "samenvatting";
    public const string Kengetallen = "kengetallen";

    // charts (tijdlijn in the progress report, heatmap in the process evaluation, the others in both)
    public const string Fasevoortgang = "fasevoortgang";
    public const string Tijdlijn = "tijdlijn";
    public const string BijeenkomstenTijd = "bijeenkomsten.tijd";
    public const string Determinanten = "determinanten";
    public const string Heatmap = "heatmap";

    // process evaluation: values
    public const string BronnenBijeenkomsten = "bronnen.bijeenkomsten";
    public const string BronnenVerslagen = "bronnen.verslagen";
    public const string BronnenReflecties = "bronnen.reflecties";
    public const string BronnenFragmenten = "bronnen.fragmenten";
    public const string BronnenDocumenten = "bronnen.documenten";
    public const string BronnenCodeurs = "bronnen.codeurs";
    public const string OvereenstemmingKort = "overeenstemming.kort";
    public const string BevindingenSuccesfactoren = "bevindingen.succesfactoren";
    public const string BevindingenLessen = "bevindingen.lessen";
    public const string BevindingenAdviezen = "bevindingen.adviezen";
    public const string BevindingenStatus = "bevindingen.status";
    public const string Concept = "concept";

    // process evaluation: tables and texts
    public const string Groepen = "groepen";
    public const string Overeenstemming = "overeenstemming";
    public const string BevindingenOverzicht = "bevindingen.overzicht";
    public const string Aanpak = "aanpak";
    public const string Methode = "methode";
    public const string Kader = "kader";
    public const string Succesfactoren = "succesfactoren";
    public const string Lessen = "lessen";
    public const string Adviezen = "adviezen";
    public const string Inleiding = "inleiding";
    public const string Literatuur = "literatuur";
    public const string Leerproces = "leerproces";
    public const string Plan = "plan";
    public const string Codeboek = "codeboek";
    public const string Leeragenda = "leeragenda";
    public const string LeerprocesTijdlijn = "leerproces.tijdlijn";

    // both reports: the use of the innovation (#22)
    public const string Innovatie = "innovatie";
    public const string Kernelementen = "kernelementen";
    public const string InnovatieTrouw = "innovatie.trouw";
    public const string InnovatieBereik = "innovatie.bereik";

    // plan versions (#23): the vastgestelde version the report measured against, and what changed since
    public const string PlanVersie = "plan.versie";
    public const string PlanAfwijkingen = "plan.afwijkingen";

    // factsheet (#23): the top success factors (vastgestelde findings)
    public const string SuccesfactorenTop = "succesfactoren.top";

    // process evaluation: effect measurement (#18)
    public const string Effecten = "effecten";
    public const string EffectenVragen = "effecten.vragen";
    public const string EffectenAntwoorden = "effecten.antwoorden";
    public const string EffectenMidi = "effecten.midi";
    public const string EffectenParen = "effecten.paren";
    public const string EffectenMidiRondes = "effecten.midi.rondes";
    public const string EffectenMidiTabel = "effecten.midi.tabel";

    // process evaluation: client participation (#23)
    public const string Participatie = "participatie";
    public const string ParticipatieMomenten = "participatie.momenten";

    private static readonly string[] _common = [ProjectNaam, ProjectOrganisatie, ProjectInnovatie, ProjectBeschrijving, ProjectPeriode, RapportDatum, FaseHuidig];

    private static readonly IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> _progress = new Dictionary<PlaceholderKind, IReadOnlySet<string>>
    {
        [PlaceholderKind.Waarde] = Set([.. _common, PeriodeVan, PeriodeTot, PlanScore, FaseScore, ActiviteitenTotaal, ActiviteitenGereed,
            ActiviteitenAchterstallig, BijeenkomstenAantal, Opkomst, Respons, Lussluiting, ActiepuntenOpen, FragmentenAantal, VorigePeriode, VolgendePeriode, PlanVersie]),
        [PlaceholderKind.Tabel] = Set([Kengetallen, PlanAfwijkingen, Fasen, ActiviteitenGedaan, ActiviteitenAchterstallig, ActiviteitenVolgende, Bijeenkomsten, ActiepuntenOpen,
            BelemmeringenTop, BevorderendTop, BevindingenGewijzigd, Kernelementen]),
        [PlaceholderKind.Tekst] = Set([Samenvatting, Innovatie]),
        [PlaceholderKind.Grafiek] = Set([Fasevoortgang, Tijdlijn, BijeenkomstenTijd, Determinanten, InnovatieTrouw, InnovatieBereik]),
    };

    private static readonly IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> _evaluation = new Dictionary<PlaceholderKind, IReadOnlySet<string>>
    {
        [PlaceholderKind.Waarde] = Set([.. _common, BronnenBijeenkomsten, BronnenVerslagen, BronnenReflecties, BronnenFragmenten, BronnenDocumenten,
            BronnenCodeurs, OvereenstemmingKort, BevindingenSuccesfactoren, BevindingenLessen, BevindingenAdviezen, BevindingenStatus, Concept, PlanVersie]),
        [PlaceholderKind.Tabel] = Set([Groepen, Overeenstemming, BevindingenOverzicht, Plan, Codeboek, Leeragenda, Kernelementen, EffectenVragen, EffectenParen, EffectenMidiTabel, ParticipatieMomenten]),
        [PlaceholderKind.Tekst] = Set([Samenvatting, Inleiding, Aanpak, Methode, Kader, Succesfactoren, Lessen, Adviezen, Leerproces, Literatuur, Innovatie, Effecten, Participatie]),
        [PlaceholderKind.Grafiek] = Set([Determinanten, Heatmap, BijeenkomstenTijd, Fasevoortgang, LeerprocesTijdlijn, InnovatieTrouw, InnovatieBereik, EffectenAntwoorden, EffectenMidi, EffectenMidiRondes]),
    };

    private static readonly IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> _factsheet = new Dictionary<PlaceholderKind, IReadOnlySet<string>>
    {
        [PlaceholderKind.Waarde] = Set([.. _common, PeriodeVan, PeriodeTot, VorigePeriode, VolgendePeriode, PlanVersie, PlanScore]),
        [PlaceholderKind.Tabel] = Set([Kengetallen, SuccesfactorenTop, BelemmeringenTop, ActiviteitenVolgende]),
        [PlaceholderKind.Tekst] = Set([Samenvatting]),
        [PlaceholderKind.Grafiek] = Set([]),
    };

    /// <summary>The keys the one-page factsheet for management and the funder offers (#23).</summary>
    public static IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> FactsheetCatalog => _factsheet;

    /// <summary>The keys a report offers, per kind: what template validation accepts and the template editor lists.</summary>
    public static IReadOnlyDictionary<PlaceholderKind, IReadOnlySet<string>> Catalog(ReportKind kind) =>
        kind == ReportKind.Voortgang ? _progress : _evaluation;

    private static HashSet<string> Set(IEnumerable<string> keys) => new(keys, StringComparer.Ordinal);
}
