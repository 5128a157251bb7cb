using System.Text;
using Monitor.Core.Coding.Text;

namespace Monitor.Core.Tests.Coding.Text;

public sealed class TextNormalizerTests
{
    [TestCase("\uFEFFVerslag", "Verslag")]
    [TestCase("\uFEFF\uFEFFVerslag", "Verslag")]
    [TestCase("regel 1\r\nregel 2\r\n", "regel 1\nregel 2\n")]
    [TestCase("regel 1\rregel 2\r", "regel 1\nregel 2\n")]
    [TestCase("a\r\r\nb", "a\n\nb")]
    [TestCase("kop\tcel\nvolgende", "kop\tcel\nvolgende")]
    [TestCase("be\u0000l\u0007d\u001B\u007F\u0085", "beld")]
    [TestCase("", "")]
    public void Normalizes(string raw, string expected)
    {
        Assert.That(TextNormalizer.Normalize(raw), Is.EqualTo(expected));
    }

    [Test]
    public void ComposesDecomposedDiacriticsToNfc()
    {
        var decomposed = "clie\u0308nt";
        var normalized = TextNormalizer.Normalize(decomposed);
        Assert.That(normalized, Is.EqualTo("cli\u00EBnt"));
        Assert.That(normalized, Has.Length.EqualTo(6));
    }

    [Test]
    public void ReplacesLoneSurrogatesInsteadOfFailing()
    {
        // Built in code: a lone surrogate does not survive in attribute metadata.
        var once = TextNormalizer.Normalize("a" + '\uD83D' + "b\r" + '\uDC4D');
        Assert.That(once, Is.EqualTo("a\uFFFDb\n\uFFFD"));
        Assert.That(TextNormalizer.Normalize(once), Is.EqualTo(once));
    }

    [Test]
    public void KeepsEmojiIntact()
    {
        Assert.That(TextNormalizer.Normalize("top 👍\r\n"), Is.EqualTo("top 👍\n"));
    }

    [TestCase("\uFEFFclie\u0308nt\r\n\r\nte\u0001\u0301st\r")]
    [TestCase("\u0001\uFEFFbom na een controleteken")]
    [TestCase("e\u0000\u0301 en 👍\r\r\n")]
    public void IsIdempotent(string raw)
    {
        var once = TextNormalizer.Normalize(raw);
        Assert.That(TextNormalizer.Normalize(once), Is.EqualTo(once));
        Assert.That(once.IsNormalized(NormalizationForm.FormC), Is.True);
        Assert.That(once.Contains('\r') || once.StartsWith('\uFEFF'), Is.False);
    }

    [Test]
    public void IsIdempotentOnRandomInput()
    {
        var random = new Random(12);
        char[] alphabet = ['a', 'e', '\u0301', '\u0308', '\r', '\n', '\t', '\u0000', '\u001F', '\uFEFF', ' ', 'ë', '\uD83D', '\uDC4D'];
        for (var round = 0; round < 500; round++)
        {
            var raw = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var once = TextNormalizer.Normalize(raw);
            Assert.That(TextNormalizer.Normalize(once), Is.EqualTo(once), $"input {string.Join(' ', raw.Select(c => ((int)c).ToString("X4")))}");
        }
    }
}
