namespace Monitor.Core.Coding.Agreement;

/// <summary>The Dutch notes put on results when a convention was applied (several are joined with "; ").</summary>
public static class AgreementNotes
{
    public const string NoUnits =
        "geen eenheden: niemand gebruikte een code, of de codeurs hadden geen document samen; % overeenstemming en κ bestaan dan niet";

    public const string FullAgreement = "volledige overeenstemming; kans-correctie niet van toepassing";

    public const string ConstantCoder =
        "een codeur codeerde alle of geen eenheden: Pe = Po, dus κ = 0 ongeacht de overeenstemming";

    public const string PooledCharacters = "opgeteld over codes en documenten; κ uit de opgetelde tabel";

    public const string PooledSegments = "gepoolde κ (De Vries e.a. 2008): Po en Pe gemiddeld over de codes";

    public const string NoSharedValenceUnits = "geen tekst die beide codeurs met deze code codeerden: valentie niet te vergelijken";

    public static string SeveralCodesInAUnit(int times) => $"{times}× gaf een codeur één alinea meer dan één code: de code met de meeste tekens telt";

    public const string NoPairableValues = "geen paarbare waarden";

    public const string NoVariation =
        "geen variatie: alle waarden zijn gelijk (De = 0); α is formeel 0/0 en wordt als 1 gerapporteerd";
}
