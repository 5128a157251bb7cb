using Monitor.Core.Coding.Agreement;

namespace Monitor.Core.Tests.Coding.Agreement;

public sealed class KrippendorffAlphaTests
{
    [Test]
    public void ReproducesKrippendorffsNominalExampleWithMissingValues()
    {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers, 12 units,
        // values 1–5, missing data; α nominal = 0.743. Unit 12 has a single value and is dropped: 11 units, n = 40.
        var alpha = KrippendorffAlpha.Nominal(
        [
            ["1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null],
            ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"],
            [null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null],
            ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null],
        ]);

        Assert.That(alpha.Units, Is.EqualTo(11));
        Assert.That(alpha.PairableValues, Is.EqualTo(40));
        Assert.That(alpha.Alpha, Is.EqualTo(0.743).Within(0.0005));
    }

    [Test]
    public void GivesOneForPerfectAgreementWithVariation()
    {
        var alpha = KrippendorffAlpha.Nominal([["a", "b", "c"], ["a", "b", "c"]]);

        Assert.That(alpha.ObservedDisagreement, Is.EqualTo(0.0));
        Assert.That(alpha.Alpha, Is.EqualTo(1.0));
        Assert.That(alpha.Note, Is.Null);
    }

    [Test]
    public void GivesOneWithNoteWithoutVariation()
    {
        var alpha = KrippendorffAlpha.Nominal([["a", "a"], ["a", "a"]]);

        Assert.That(alpha.ExpectedDisagreement, Is.EqualTo(0.0));
        Assert.That(alpha.Alpha, Is.EqualTo(1.0));
        Assert.That(alpha.Note, Is.EqualTo(AgreementNotes.NoVariation));
    }

    [Test]
    public void GivesNullWithoutPairableValues()
    {
        var alpha = KrippendorffAlpha.Nominal([["a", null], [null, "b"]]);

        Assert.That(alpha.Units, Is.EqualTo(0));
        Assert.That(alpha.Alpha, Is.Null);
        Assert.That(alpha.Note, Is.EqualTo("geen paarbare waarden"));
    }

    [Test]
    public void GoesNegativeForSystematicDisagreement()
    {
        // Two coders, two units, always opposite: n = 4, o_ab = o_ba = 2, n_a = n_b = 2.
        // α = 1 − (n − 1)·Σ(c≠k) o_ck / Σ(c≠k) n_c·n_k = 1 − 3·4/8 = −0.5.
        var alpha = KrippendorffAlpha.Nominal([["a", "b"], ["b", "a"]]);

        Assert.That(alpha.Alpha, Is.EqualTo(-0.5).Within(1e-12));
    }
}
