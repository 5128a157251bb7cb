using Monitor.Core.Planning;

namespace Monitor.Core.Tests.Planning;

public sealed class PlanActivityDraftTests
{
    private static readonly DateOnly _today = new(2026, 12, 3);

    [TestCase(ActivityStatus.Bezig, null, null, "2026-12-03", null)]
    [TestCase(ActivityStatus.Bezig, "2026-11-01", "2026-11-20", "2026-11-01", null)]
    [TestCase(ActivityStatus.Gereed, null, null, null, "2026-12-03")]
    [TestCase(ActivityStatus.Gereed, "2026-11-01", "2026-11-20", "2026-11-01", "2026-11-20")]
    [TestCase(ActivityStatus.Gepland, "2026-11-01", "2026-11-20", "2026-11-01", null)]
    [TestCase(ActivityStatus.Vervallen, "2026-11-01", null, "2026-11-01", null)]
    [Description("issue #16: the one-click status change dates what it can and keeps typed dates")]
    public void WithStatusDatesTheChange(ActivityStatus status, string? started, string? completed, string? expectedStart, string? expectedCompletion)
    {
        var draft = new PlanActivityDraft { Phase = 2, Title = "Werkinstructie", StartedOn = Date(started), CompletedOn = Date(completed) };

        var changed = draft.WithStatus(status, _today);

        Assert.That((changed.Status, changed.StartedOn, changed.CompletedOn), Is.EqualTo((status, Date(expectedStart), Date(expectedCompletion))));
    }

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
