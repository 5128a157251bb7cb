using System.Text;
using Monitor.Core.Interop;

namespace Monitor.Core.Tests.Interop;

public sealed class CsvWriterTests
{
    [Test]
    public void QuotesSeparatorsQuotesAndLineBreaks()
    {
        var csv = new CsvWriter().Row("a;b", "zei \"ja\"", "regel\nregel", "gewoon");

        Assert.That(csv.ToString(), Is.EqualTo("\"a;b\";\"zei \"\"ja\"\"\";\"regel\nregel\";gewoon\r\n"));
    }

    [TestCase("=SUM(A1)")]
    [TestCase("+31 6")]
    [TestCase("-5")]
    [TestCase("@cmd")]
    [TestCase("\tTAB")]
    public void DefusesSpreadsheetFormulasWithAnApostropheThatExcelShowsAsText(string cell)
    {
        var written = new CsvWriter().Row(cell, "x").ToString();

        // The cell starts with the apostrophe (inside the quotes CsvHelper adds), so Excel does not run it.
        Assert.That(written, Does.StartWith("\"'" + cell[0]).Or.StartWith("'" + cell[0]));
        Assert.That(CsvReader.Read(written, ';').Single(), Is.EqualTo(new[] { cell, "x" }));
    }

    [Test]
    public void WritesUtf8WithByteOrderMarkForExcel()
    {
        var bytes = new CsvWriter(',').Row("cliënt", "a,b").ToBytes();

        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), Is.EqualTo("cliënt,\"a,b\"\r\n"));
    }

    [TestCase(';')]
    [TestCase(',')]
    public void AFileWithQuotesSeparatorsAndLineBreaksInCellsRoundTripsThroughItsBytes(char separator)
    {
        string?[][] rows =
        [
            ["fase", "activiteit", "toelichting"],
            ["1; start", "zei \"ja\", toen \"nee\"", "regel een\r\nregel twee\nregel drie"],
            ["", null, "'s-Hertogenbosch"],
            ["=1+1", "cliënt 😀", "a;b,c"],
        ];
        var csv = new CsvWriter(separator);
        foreach (var row in rows)
        {
            csv.Row(row);
        }

        var bytes = csv.ToBytes();
        // What an upload does: the BOM tells the decoder it is UTF-8 and is not part of the text.
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.Latin1, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();

        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(CsvReader.DetectSeparator(text), Is.EqualTo(separator));
        Assert.That(CsvReader.Read(text, separator), Is.EqualTo(rows.Select(r => r.Select(c => c ?? "").ToArray())));
    }
}
