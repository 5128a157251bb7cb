namespace Monitor.Core.Coding.Agreement;

/// <summary>Dutch formula texts the UI shows beside the counts.</summary>
public static class AgreementFormulas
{
    public const string PercentAgreement = "% overeenstemming = (beide + geen) / totaal";

    public const string CohenKappa =
        "κ = (Po − Pe) / (1 − Pe); Po = (beide + geen) / totaal; Pe = (A·B + nietA·nietB) / totaal² "
        + "(A, B = eenheden gecodeerd door codeur A resp. B); Pe = 1 → κ = 1 (volledige overeenstemming)";

    public const string KrippendorffAlpha =
        "α = 1 − Do / De; Do = Σ(c≠k) o_ck / n; De = Σ(c≠k) n_c·n_k / (n·(n − 1)); "
        + "o = coïncidentiematrix, n = aantal paarbare waarden; eenheden met minder dan 2 waarden vervallen. "
        + "Bij waarden 0/1: α = 1 − (n − 1)·o₀₁ / (n₀·n₁)";

    public const string CharacterUnit =
        "eenheid = teken (Unicode-codepunt) van het document; gecodeerd = het teken valt in een fragment van die code "
        + "(overlappende fragmenten van dezelfde codeur tellen één keer)";

    public const string SegmentUnit =
        "eenheid = alinea; gecodeerd = de codeur heeft een fragment van die code dat de alinea overlapt";

    public const string AlphaUnit =
        "eenheid = alinea × code; waarde 1 als de codeur de code in de alinea toekende, anders 0; "
        + "ontbrekend als het document niet aan de codeur was toegewezen";

    public const string PooledCharacters =
        "gepoold over codes: tellingen opgeteld over alle codes en documenten (geen gemiddelde van de uitkomsten per "
        + "code × document zoals NVivo ze toont); Po en Pe (en κ) uit de opgetelde tabel";

    public const string PooledSegments =
        "gepoolde κ (De Vries e.a. 2008) = (P̄o − P̄e) / (1 − P̄e); P̄o en P̄e = gemiddelden over de codes van Po en Pe "
        + "(gewogen naar aantal eenheden); tellingen opgeteld over alle alinea × code-eenheden";

    public const string Valence =
        "eenheid = teken dat beide codeurs met dezelfde code codeerden; waarde = de valentie die elk gaf; "
        + "% overeenstemming = tekens met dezelfde valentie / zulke tekens; κ = (Po − Pe) / (1 − Pe), Pe = Σ_c A_c·B_c / totaal²; "
        + "over alle codes: tabellen opgeteld";

    public const string NominalAlphaUnit =
        "α nominaal: eenheid = alinea, één categorie per alinea = de code die de codeur er gaf (bij meer codes die met de meeste tekens); "
        + "niet gecodeerd of niet toegewezen = ontbrekend; alinea's met minder dan 2 waarden vervallen — vergelijkbaar met α uit "
        + "KALPHA, het R-pakket irr of de K-Alpha Calculator op een alinea × codeur-tabel";

    public const string PooledAlpha = "α over alle alinea × code-eenheden samen";
}
