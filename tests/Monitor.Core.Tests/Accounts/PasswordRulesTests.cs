using Monitor.Core.Accounts;

namespace Monitor.Core.Tests.Accounts;

public sealed class PasswordRulesTests
{
    [TestCase("rivier-beslissen-2026")]
    [TestCase("de waaier ligt op tafel")]
    public void AcceptsALongPassphrase(string password) =>
        Assert.That(PasswordRules.Validate(password, "pl@gemeente.nl"), Is.Empty);

    [TestCase("kort")]
    [TestCase("Welkom123!ab")]
    [TestCase("aaaaaaaaaaaaaaa")]
    [TestCase("projectleider-2026!")]
    public void RefusesShortCommonRepetitiveOrPersonalPasswords(string password) =>
        Assert.That(PasswordRules.Validate(password, "projectleider@gemeente.nl"), Is.Not.Empty);
}
