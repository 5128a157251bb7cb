using Monitor.Core.Common;

namespace Monitor.Core.Tests.Common;

public sealed class ChecksTests
{
    [TestCase(null, "Vul de titel in.")]
    [TestCase("   ", "Vul de titel in.")]
    [TestCase("abcdef", "De titel is te lang: 6 tekens, hooguit 5 toegestaan.")]
    public void ARequiredTextGetsOneDutchWording(string? value, string message)
    {
        var errors = new List<ValidationError>();

        Checks.Required(errors, "title", value, 5, "de titel");

        Assert.That(errors, Is.EqualTo(new[] { new ValidationError("title", message) }));
    }

    [Test]
    public void AnOptionalTextMayBeEmptyButNotTooLong()
    {
        var errors = new List<ValidationError>();

        Checks.Optional(errors, "note", "", 5, "de notitie");
        Checks.Optional(errors, "note", null, 5, "de notitie");
        Checks.Optional(errors, "note", "123456", 5, "de notitie");

        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[] { "De notitie is te lang: 6 tekens, hooguit 5 toegestaan." }));
    }

    [Test]
    public void ThrowIfAnyCarriesEveryMessageAtOnce()
    {
        var errors = new List<ValidationError>();
        Checks.Required(errors, "title", "", 5, "de titel");
        Checks.Required(errors, "owner", "", 5, "de eigenaar");

        var thrown = Assert.Throws<ValidationException>(() => Checks.ThrowIfAny(errors))!;

        Assert.That(thrown.Errors.Select(e => e.Field), Is.EqualTo(new[] { "title", "owner" }));
        Assert.That(() => Checks.ThrowIfAny([]), Throws.Nothing);
    }
}
