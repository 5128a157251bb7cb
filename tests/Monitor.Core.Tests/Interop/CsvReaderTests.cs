using Monitor.Core.Interop;

namespace Monitor.Core.Tests.Interop;

public sealed class CsvReaderTests
{
    [Test]
    public void ReadsQuotedSeparatorsQuotesAndLineBreaks()
    {
        var records = CsvReader.Read("\"a;b\";\"zei \"\"ja\"\"\";\"regel\r\nregel\";gewoon\r\n", ';');

        Assert.That(records, Is.EqualTo(new[] { new[] { "a;b", "zei \"ja\"", "regel\r\nregel", "gewoon" } }));
    }

    [TestCase("a;b\r\nc;d\r\n")]
    [TestCase("a;b\nc;d\n")]
    [TestCase("a;b\rc;d")]
    [TestCase("a;b\r\nc;d")]
    public void EndsRecordsAtAnyLineBreakWithoutAnExtraRecordAtTheEnd(string text) =>
        Assert.That(CsvReader.Read(text, ';'), Is.EqualTo(new[] { new[] { "a", "b" }, new[] { "c", "d" } }));

    [Test]
    public void ReadsAnEmptyLineAsARecordWithOneEmptyCell() =>
        Assert.That(CsvReader.Read("a\r\n\r\nb\r\n", ';'), Is.EqualTo(new[] { new[] { "a" }, new[] { "" }, new[] { "b" } }));

    [Test]
    public void KeepsEmptyCellsAtTheEndOfARecord() =>
        Assert.That(CsvReader.Read("a;;\r\n", ';'), Is.EqualTo(new[] { new[] { "a", "", "" } }));

    [Test]
    public void KeepsAStrayQuoteInsideAnUnquotedCellAsText() =>
        Assert.That(CsvReader.Read("12\" scherm;b", ';'), Is.EqualTo(new[] { new[] { "12\" scherm", "b" } }));

    [Test]
    public void RefusesAQuotedCellThatIsNeverClosedNamingTheRowAndTheLine() =>
        Assert.That(
            () => CsvReader.Read("kop\r\n\"twee\r\nregels\"\r\n\"open;dicht", ';'),
            Throws.TypeOf<FormatException>().With.Message.StartsWith("Rij 3, regel 4: een cel begint met een aanhalingsteken"));

    [TestCase("'=SUM(A1)", "=SUM(A1)")]
    [TestCase("'+31 6", "+31 6")]
    [TestCase("'-5", "-5")]
    [TestCase("'@cmd", "@cmd")]
    [TestCase("'s-Hertogenbosch", "'s-Hertogenbosch")]
    [TestCase("'t Gooi", "'t Gooi")]
    [TestCase("'", "'")]
    [TestCase("gewoon", "gewoon")]
    public void TakesOffOnlyTheApostropheThatDefusesAFormula(string cell, string restored) =>
        Assert.That(CsvReader.RestoreDefusedFormula(cell), Is.EqualTo(restored));

    [TestCase("fase;activiteit,met komma", ';')]
    [TestCase("fase,activiteit,omschrijving\r\nx;y;z;w", ',')]
    [TestCase("fase", ';')]
    public void DetectsTheSeparatorFromTheFirstLine(string text, char separator) =>
        Assert.That(CsvReader.DetectSeparator(text), Is.EqualTo(separator));

    [Test]
    public void ReadsBackWhatCsvWriterWrote()
    {
        string[] cells = ["=SUM(A1)", "a;b", "zei \"ja\"", "regel\nregel", "-5", "cliënt"];

        var records = CsvReader.Read(new CsvWriter().Row(cells).ToString(), ';');

        Assert.That(records, Is.EqualTo(new[] { cells }));
    }
}
