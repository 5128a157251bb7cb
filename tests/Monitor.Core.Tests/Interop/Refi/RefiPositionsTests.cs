using Monitor.Core.Interop.Refi;

namespace Monitor.Core.Tests.Interop.Refi;

public sealed class RefiPositionsTests
{
    private static RefiTextSource Source(string text, params (int Start, int End, string? Name)[] selections) =>
        new(Guid.NewGuid(), "Bron", text, null, null,
            selections.Select(s => new RefiSelection(Guid.NewGuid(), s.Name, s.Start, s.End, null, null, null, [], [])).ToList(), []);

    // "Regel een\r\nRegel twee 👍 klaar": "twee" starts at 17 counting CRLF as two, at 16 counting it as one.
    private const string Text = "Regel een\r\nRegel twee 👍 klaar";

    [TestCase("NVivo 14", 17, 21, "twee", RefiOffsetConvention.CodePoints)]
    [TestCase("QualCoder 3.6", 16, 20, "twee", RefiOffsetConvention.CodePointsCrLfAsOne)]
    [TestCase("", 25, 30, "klaar", RefiOffsetConvention.Utf16)]
    [TestCase("", 24, 29, "klaar", RefiOffsetConvention.CodePoints, Description = "UTF-16 with CRLF as one gives the same numbers here: the specification's reading wins")]
    [TestCase("ATLAS.ti 23", 16, 20, null, RefiOffsetConvention.CodePointsCrLfAsOne)]
    [TestCase("MAXQDA 2022", 17, 21, "", RefiOffsetConvention.CodePoints)]
    [Description("issue #17: the convention that makes the names match, else ATLAS.ti's or the specification's")]
    public void DetectsTheConventionFromTheSelectionNames(string origin, int start, int end, string? name, RefiOffsetConvention expected)
    {
        var positions = RefiPositions.Detect(Source(Text, (start, end, name)), origin);

        Assert.That(positions.Convention, Is.EqualTo(expected));
        var (from, to) = positions.ToCodePoints(Source(Text, (start, end, name)).Selections[0])!.Value;
        Assert.That(Monitor.Core.Interop.Refi.CodePointText.Slice(Text, from, to), Is.EqualTo(name is { Length: > 0 } ? name : "twee"));
    }

    [Test]
    public void ANameThatMatchesNowhereIsReportedAsAMismatch()
    {
        var source = Source(Text, (0, 5, "Regel"), (17, 21, "iets anders"));

        var positions = RefiPositions.Detect(source, "");

        Assert.That((positions.Matched, positions.Mismatched), Is.EqualTo((1, 1)));
        Assert.That(positions.NameMatches(source.Selections[1], Text), Is.False);
    }
}
