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

    [TestCase("=SUM(A1)", "'=SUM(A1)")]
    [TestCase("+31 6", "'+31 6")]
    [TestCase("-5", "'-5")]
    [TestCase("@cmd", "'@cmd")]
    public void DefusesSpreadsheetFormulas(string cell, string written) =>
        Assert.That(new CsvWriter().Row(cell).ToString(), Is.EqualTo(written + "\r\n"));

    [Test]
    public void WritesUtf8WithByteOrderMarkForExcel()
    {
        var bytes = new CsvWriter(',').Row("cliënt", "a,b").ToBytes();

        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), Is.EqualTo("cliënt,\"a,b\"\r\n"));
    }
}
