using Monitor.Core.Coding;
using Monitor.Core.Common;
using Monitor.Core.Meetings;

namespace Monitor.Core.Tests.Common;

public sealed class CodesTests
{
    [TestCase(MeetingStatus.Gehouden, "gehouden")]
    [TestCase(MeetingStatus.Geannuleerd, "geannuleerd")]
    public void TheCodeIsTheMemberNameInLowerCase(MeetingStatus status, string code) =>
        Assert.That(status.ToCode(), Is.EqualTo(code));

    [TestCase("gehouden", true)]
    [TestCase("GEHOUDEN", true)]
    [TestCase(" gehouden ", true)]
    [TestCase("1", false)]
    [TestCase("99", false)]
    [TestCase("klaar", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void ParsingIgnoresCaseAndRefusesNumbersAndUnknownWords(string? text, bool parses)
    {
        Assert.That(Codes.TryParse<MeetingStatus>(text, out var status), Is.EqualTo(parses));
        if (parses)
        {
            Assert.That(status, Is.EqualTo(MeetingStatus.Gehouden));
        }
    }

    [Test]
    public void EveryCodeParsesBackToItsValue()
    {
        foreach (var valence in Enum.GetValues<Valence>())
        {
            Assert.That(Codes.Parse<Valence>(valence.ToCode()), Is.EqualTo(valence));
        }
    }

    [Test]
    public void AllListsTheCodesInDeclarationOrder() =>
        Assert.That(Codes.All<MeetingStatus>(), Is.EqualTo(new[] { "gepland", "gehouden", "geannuleerd" }));

    [Test]
    public void ParseNamesTheUnknownValue() =>
        Assert.That(() => Codes.Parse<MeetingStatus>("klaar"), Throws.TypeOf<FormatException>().With.Message.Contains("'klaar'"));
}
