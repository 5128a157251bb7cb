using Monitor.Core.Privacy;

namespace Monitor.Core.Tests.Privacy;

public sealed class PseudonymizerTests
{
    private static readonly Pseudonymizer _names = new([new(1, "Jan de Vries", "P01"), new(2, "Jan", "P02"), new(3, "Fatma Yılmaz", "P03")]);

    [TestCase("Gesprek met Jan de Vries.", "Gesprek met [P01].")]
    [TestCase("Gesprek met jan DE vries.", "Gesprek met [P01].")]
    [TestCase("Gesprek met Jan de  Vries.", "Gesprek met [P01].")]
    [TestCase("Jan belde; Fatma Yılmaz niet.", "[P02] belde; [P03] niet.")]
    [TestCase("Januari en Janssen blijven staan.", "Januari en Janssen blijven staan.")]
    [TestCase("", "")]
    public void ReplacesWholeNamesLongestFirst(string input, string expected) =>
        Assert.That(_names.Apply(input), Is.EqualTo(expected));

    [Test]
    public void LeavesTextAloneWithoutNames() =>
        Assert.That(Pseudonymizer.None.Apply("Cliënt A vertelde over Jan."), Is.EqualTo("Cliënt A vertelde over Jan."));

    [Test]
    public void TreatsRegexCharactersInNamesLiterally()
    {
        var odd = new Pseudonymizer([new(1, "A.B. (Bert)", "P01")]);

        Assert.That(odd.Apply("Met A.B. (Bert) en AxB."), Is.EqualTo("Met [P01] en AxB."));
    }

    [TestCase("Gesprek met Jan de Vries over werk.", "Jan de Vries", "[P01]")]
    [TestCase("👍 Fatma Yılmaz zei: werk 👍 past.", "werk", "werk")]
    [TestCase("👍 Fatma Yılmaz zei: werk 👍 past.", "zei: werk 👍", "zei: werk 👍")]
    [TestCase("Jan en Jan de Vries, daarna Fatma Yılmaz en Jan.", "daarna Fatma Yılmaz en", "daarna [P03] en")]
    public void KeepsCodedSpansOnTheSameWordsWhenNamesAreReplaced(string text, string coded, string expected)
    {
        var utf16 = text.IndexOf(coded, StringComparison.Ordinal);
        var start = Monitor.Core.Coding.Text.CodePoints.FromUtf16(text, utf16);
        var end = Monitor.Core.Coding.Text.CodePoints.FromUtf16(text, utf16 + coded.Length);

        var (pseudonymised, map) = _names.ApplyKeepingOffsets(text);

        Assert.That(Monitor.Core.Coding.Text.CodePoints.Slice(pseudonymised, map(start, false), map(end, true)), Is.EqualTo(expected));
        Assert.That(pseudonymised, Is.EqualTo(_names.Apply(text)));
    }

    [Test]
    public void ASpanInsideANameSnapsToItsCode()
    {
        var text = "Met Jan de Vries gesproken.";
        var (pseudonymised, map) = _names.ApplyKeepingOffsets(text);

        Assert.That(Monitor.Core.Coding.Text.CodePoints.Slice(pseudonymised, map(8, false), map(10, true)), Is.EqualTo("[P01]"));
    }
}
