using Monitor.Core.Planning;

namespace Monitor.Core.Tests.Planning;

/// <summary>Plan activities that exercise every column, and a comparison that treats Determinants as a sequence.</summary>
internal static class PlanSamples
{
    public static readonly string Headings =
        "fase;activiteit;omschrijving;doelgroep;actoren;belemmerende factoren;bevorderende factoren;randvoorwaarden;uitvoerder/eigenaar;planning (maand);status;gestart op;gereed op;determinanten";

    private static readonly int[] _noDeterminants = [];

    public static IReadOnlyList<PlanActivityDraft> Activities { get; } =
    [
        new PlanActivityDraft
        {
            Phase = 1,
            Title = "Keuzehulp voorstellen aan cliënten",
            Description = "Werkcoaches zeggen: \"eerst oefenen\"; daarna\r\nin het team bespreken.\nTweede regel.",
            TargetGroup = TargetGroup.Clienten,
            Actors = "werkcoaches, teamleider; kernteam",
            Barriers = "=SUM(A1)",
            Facilitators = "-5 minuten per gesprek, +31 6 nummer, @team",
            Preconditions = "'s-Hertogenbosch doet mee; \"tijd\"",
            Owner = "Projectleider Zoë Ünal",
            PlannedMonth = new YearMonth(2021, 3),
            Status = ActivityStatus.Gereed,
            StartedOn = new DateOnly(2021, 2, 15),
            CompletedOn = new DateOnly(2021, 3, 31),
            Determinants = [13, 16, 17],
        },
        new PlanActivityDraft { Phase = 0, Title = "Alleen een titel" },
        new PlanActivityDraft
        {
            Phase = 5,
            Title = "Borgen in werkinstructie",
            TargetGroup = TargetGroup.Afdelingen,
            Owner = "  spaties rondom  ",
            PlannedMonth = new YearMonth(2022, 12),
            Status = ActivityStatus.Vervallen,
            StartedOn = new DateOnly(2022, 1, 3),
            Determinants = [29],
        },
        new PlanActivityDraft { Phase = 3, Title = "Gereed zonder datum", Status = ActivityStatus.Gereed, TargetGroup = TargetGroup.Management },
        new PlanActivityDraft { Phase = 4, Title = "Bezig", Status = ActivityStatus.Bezig, TargetGroup = TargetGroup.Overig, Determinants = [1, 2] },
    ];

    public static IReadOnlyList<PhaseGoal> Goals { get; } =
    [
        new PhaseGoal(0, "Een keuzehulp die past bij de werkcoaches van Werkzaak"),
        new PhaseGoal(3, "Werkcoaches willen de keuzehulp gebruiken;\nook \"oudgedienden\"."),
    ];

    /// <summary>A valid CSV data row with one cell replaced.</summary>
    public static string Row(string? column = null, string value = "")
    {
        var headings = Headings.Split(';');
        string[] cells = ["2", "Training", "", "professionals", "", "", "", "", "", "2021-03", "bezig", "2021-03-01", "", "13"];
        if (column is not null)
        {
            cells[Array.IndexOf(headings, column)] = value;
        }

        return string.Join(';', cells);
    }

    public static void AssertSameActivities(IReadOnlyList<PlanActivityDraft> actual, IReadOnlyList<PlanActivityDraft> expected)
    {
        // Records compare a list by reference, so Determinants are compared as sequences, the rest by value.
        Assert.That(actual.Select(a => a with { Determinants = _noDeterminants }), Is.EqualTo(expected.Select(a => a with { Determinants = _noDeterminants })));
        Assert.That(actual.Select(a => a.Determinants), Is.EqualTo(expected.Select(a => a.Determinants)));
    }
}
