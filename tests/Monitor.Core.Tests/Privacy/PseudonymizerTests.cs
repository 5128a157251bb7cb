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
}
