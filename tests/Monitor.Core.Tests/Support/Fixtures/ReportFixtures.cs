using Monitor.Core.Coding;
using Monitor.Core.Findings;
using Monitor.Core.Planning;

namespace Monitor.Core.Tests.Support.Fixtures;

/// <summary>The fixed dataset behind the golden reports (fixed clock, fixed names).</summary>
internal static class ReportFixtures
{
    /// <summary>A project with minutes, two codings, three activities and two findings (one discussed).</summary>
    internal static async Task<long> FixedProjectAsync(TempDatabase db)
    {
        var (projectId, meetingId, document) = await CodingFixtures.ProjectWithMinutesAsync(db);
        var researcher = await CodingFixtures.ResearcherAsync(db, "Onderzoeker A", projectId);
        await db.PlanStore.CreateActivityAsync(projectId, new PlanActivityDraft { Phase = 1, Title = "Kick-off met alle teams", Owner = "Projectleider", Status = ActivityStatus.Gereed, PlannedMonth = new YearMonth(2026, 9), StartedOn = new DateOnly(2026, 9, 1), CompletedOn = new DateOnly(2026, 10, 12) }, researcher);
        await db.PlanStore.CreateActivityAsync(projectId, new PlanActivityDraft { Phase = 1, Title = "Werkinstructie op intranet", Owner = "Kernteam", Status = ActivityStatus.Bezig, PlannedMonth = new YearMonth(2026, 10), StartedOn = new DateOnly(2026, 10, 5) }, researcher);
        await db.PlanStore.CreateActivityAsync(projectId, new PlanActivityDraft { Phase = 2, Title = "Training werkcoaches", Owner = "Teamleider", PlannedMonth = new YearMonth(2027, 1) }, researcher);
        var complexity = await CodingFixtures.CodeIdAsync(db, "midi-4");
        var first = (await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, complexity, 11, 61, Valence.Belemmerend, "te ingewikkeld"), researcher))!.Value;
        await db.Coding.AddCodingAsync(projectId, new CodingInput(document.Id, await CodingFixtures.CodeIdAsync(db, "midi-12"), 77, 106, Valence.Bevorderend), researcher);
        var finding = await db.Findings.CreateAsync(projectId, new FindingDraft
        {
            Kind = FindingKind.Les,
            Heading = "Ontwikkeling",
            Title = "Houd de keuzehulp *eenvoudig*",
            Explanation = "Werkcoaches haken af als het instrument te veel stappen heeft.",
            Determinants = [4],
            Phase = 1,
        }, [(EvidenceKind.Codering, first), (EvidenceKind.Bijeenkomst, meetingId)], researcher);
        await db.Findings.SetStatusAsync(projectId, finding, FindingStatus.Besproken, new FindingSession(new DateOnly(2026, 10, 20), "kernteam en onderzoekers", "titel ingekort"), researcher);
        await db.Findings.CreateAsync(projectId, new FindingDraft { Kind = FindingKind.Succesfactor, Heading = "Ontwikkeling", Title = "Een team dat wil", Determinants = [12] }, [], researcher);
        return projectId;
    }
}
