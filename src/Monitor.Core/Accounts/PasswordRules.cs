
using Monitor.Core.Common;

namespace Monitor.Core.Accounts;

/// <summary>
/// Password rules after NIST SP 800-63B: length over composition rules, no obvious choices.
/// A passphrase of a few words passes; "Welkom123!" does not.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly string[] _common =
    [
        "wachtwoord", "password", "welkom", "welcome", "qwerty", "azerty", "123456", "abcdef", "letmein", "geheim",
        "implementatiemonitor", "gemeente", "monitor",
    ];

    public static IReadOnlyList<ValidationError> Validate(string? password, string? email)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            errors.Add(new("password", $"Het wachtwoord moet minstens {MinLength} tekens lang zijn. Een zin van een paar woorden werkt goed."));
            return errors;
        }

        if (password.Length > MaxLength)
        {
            errors.Add(new("password", $"Het wachtwoord mag maximaal {MaxLength} tekens lang zijn."));
            return errors;
        }

        var lower = password.ToLowerInvariant();
        var localPart = email?.Split('@')[0].ToLowerInvariant() ?? "";
        if (localPart.Length >= 3 && lower.Contains(localPart, StringComparison.Ordinal))
        {
            errors.Add(new("password", "Het wachtwoord mag uw e-mailadres niet bevatten."));
        }

        if (password.Distinct().Count() < 5)
        {
            errors.Add(new("password", "Het wachtwoord bestaat uit te weinig verschillende tekens."));
        }

        if (_common.Any(c => lower.Contains(c, StringComparison.Ordinal)) && password.Length < 20)
        {
            errors.Add(new("password", "Het wachtwoord bevat een veelgebruikt woord (zoals 'welkom' of 'wachtwoord'). Kies iets dat minder voor de hand ligt of maak het langer."));
        }

        return errors;
    }
}
