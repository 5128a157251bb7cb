using Monitor.Core.Coding.Agreement;

namespace Monitor.Core.Tests.Coding.Agreement;

public sealed class NominalParagraphAlphaTests
{
    [Test]
    public void ReproducesKrippendorffsNominalExampleWhenEachCoderGivesAParagraphOneCode()
    {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", p. 8 (also Content Analysis, 4th ed. 2019,
        // p. 290; the doctest of the Python package krippendorff): 4 observers, 12 units, values 1–5, missing data;
        // α nominal = 0.743. Here each unit is a paragraph of 10 characters and value v is code "v"; missing = not coded.
        string?[][] data =
        [
            ["1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null],
            ["1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"],
            [null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null],
            ["1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null],
        ];
        string[] coders = ["A", "B", "C", "D"];
        var paragraphs = Enumerable.Range(0, 12).Select(u => new TextRange(u * 11, (u * 11) + 10)).ToList();
        var spans = data.SelectMany((row, c) => row.Select((value, u) => (value, u)).Where(p => p.value is not null)
            .Select(p => new AgreementSpan(1, p.value!, coders[c], (p.u * 11) + 2, (p.u * 11) + 8))).ToList();

        var alpha = NominalParagraphAlpha.Compute(new AgreementInput([new AgreementDocument(1, 12 * 11, paragraphs)], coders, ["1", "2", "3", "4", "5"], spans));

        Assert.That((alpha.Units, alpha.PairableValues), Is.EqualTo((11L, 40L)));
        Assert.That(alpha.Alpha, Is.EqualTo(0.743).Within(0.0005));
        Assert.That(alpha.Note, Is.Null);
    }

    [Test]
    public void CountsTheCodeCoveringMostOfAParagraphAndSaysSo()
    {
        // Paragraph 0–20: A gives X to 0–5 and Y to 5–20 (Y counts), B gives Y; paragraph 21–40: both X. Full agreement.
        var alpha = NominalParagraphAlpha.Compute(new AgreementInput([new AgreementDocument(1, 40, [new TextRange(0, 20), new TextRange(21, 40)])], ["A", "B"], ["X", "Y"],
        [
            new AgreementSpan(1, "X", "A", 0, 5), new AgreementSpan(1, "Y", "A", 5, 20), new AgreementSpan(1, "Y", "B", 0, 20),
            new AgreementSpan(1, "X", "A", 21, 40), new AgreementSpan(1, "X", "B", 25, 30),
        ]));

        Assert.That(alpha.Alpha, Is.EqualTo(1.0));
        Assert.That(alpha.Note, Is.EqualTo(AgreementNotes.SeveralCodesInAUnit(1)));
    }
}
