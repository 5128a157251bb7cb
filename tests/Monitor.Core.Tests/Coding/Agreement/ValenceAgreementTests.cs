using Monitor.Core.Coding.Agreement;
using static Monitor.Core.Tests.Coding.Agreement.AgreementSamples;

namespace Monitor.Core.Tests.Coding.Agreement;

public sealed class ValenceAgreementTests
{
    private const double Tolerance = 1e-12;

    [Test]
    public void ComparesValenceCharacterByCharacterWhereBothCodedTheSameCode()
    {
        // A: 0–40 bevorderend, 40–60 belemmerend; B: 10–50 bevorderend, 50–80 belemmerend. Both coded 10–60 (50 units):
        // 10–40 both bevorderend (30), 40–50 A belemmerend / B bevorderend (10), 50–60 both belemmerend (10).
        // Po = 40/50 = 0.8; A: bel 20, bev 30; B: bel 10, bev 40; Pe = (20·10 + 30·40) / 50² = 0.56; κ = 0.24 / 0.44.
        var report = ValenceAgreement.Compute(new AgreementInput([SingleParagraph(1, 100)], ["A", "B"], ["X", "Y"],
        [
            new AgreementSpan(1, "X", "A", 0, 40, "bevorderend"), new AgreementSpan(1, "X", "A", 40, 60, "belemmerend"),
            new AgreementSpan(1, "X", "B", 10, 50, "bevorderend"), new AgreementSpan(1, "X", "B", 50, 80, "belemmerend"),
            new AgreementSpan(1, "Y", "A", 0, 10, "bevorderend"), new AgreementSpan(1, "Y", "B", 90, 100, "bevorderend"),
        ]));

        var x = report.PerCode[0].Pairs.Single();
        Assert.That((x.Units, x.Agreeing), Is.EqualTo((50L, 40L)));
        Assert.That(x.PercentAgreement, Is.EqualTo(0.8).Within(Tolerance));
        Assert.That(x.ExpectedAgreement, Is.EqualTo(0.56).Within(Tolerance));
        Assert.That(x.Kappa, Is.EqualTo(0.24 / 0.44).Within(Tolerance));
        var y = report.PerCode[1].Pairs.Single();
        Assert.That((y.Units, y.PercentAgreement, y.Kappa, y.Note), Is.EqualTo((0L, (double?)null, (double?)null, AgreementNotes.NoSharedValenceUnits)), "Y: never coded at the same place");
        var pooled = report.Pooled.Single();
        Assert.That((pooled.Units, pooled.Agreeing, pooled.Kappa), Is.EqualTo((50L, 40L, x.Kappa)), "the pooled table is the sum; Y adds nothing");
    }

    [Test]
    public void GivesKappaOneWithANoteWhenBothUsedOnlyOneValence()
    {
        var report = ValenceAgreement.Compute(new AgreementInput([SingleParagraph(1, 10)], ["A", "B"], ["X"],
            [new AgreementSpan(1, "X", "A", 0, 10, "belemmerend"), new AgreementSpan(1, "X", "B", 2, 8, "belemmerend")]));

        var pair = report.Pooled.Single();
        Assert.That((pair.Units, pair.PercentAgreement, pair.Kappa, pair.Note), Is.EqualTo((6L, (double?)1.0, (double?)1.0, AgreementNotes.FullAgreement)));
    }
}
