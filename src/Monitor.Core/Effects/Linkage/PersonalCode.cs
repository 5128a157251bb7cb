using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Common;

namespace Monitor.Core.Effects.Linkage;

/// <summary>
/// The personal code a respondent makes from three stable questions, so that a voormeting and a nameting can be linked
/// without knowing who answered: the first two letters of their mother's first name (accents dropped, upper case), the
/// day of their birth (1–31) and the last digit of their house number (0–9), written as "MA073". 26 × 26 × 31 × 10 ≈
/// 210 000 codes: enough to keep a few hundred respondents apart. Only a salted hash of the code is kept
/// (<see cref="RespondentKeys"/>), never the answers themselves.
/// </summary>
public sealed record PersonalCode(string Letters, int Day, int Digit)
{
    /// <summary>The code as one text, e.g. "MA073".</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"{Letters}{Day:00}{Digit}");

    /// <summary>The code from the three answers on the form; null (with Dutch messages in <paramref name="errors"/>) when one is missing or wrong.</summary>
    public static PersonalCode? From(string? letters, string? day, string? digit, List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var cleaned = Letters2(letters);
        if (cleaned is null)
        {
            errors.Add(new ValidationError("codeLetters", "Vul de eerste twee letters van de voornaam van uw moeder in (twee letters)."));
        }

        int? dayNumber = int.TryParse(day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;
        if (dayNumber is null)
        {
            errors.Add(new ValidationError("codeDay", "Vul de dag van uw geboortedatum in: een getal van 1 tot en met 31."));
        }

        int? digitNumber = digit?.Trim() is { Length: 1 } one && char.IsAsciiDigit(one[0]) ? one[0] - '0' : null;
        if (digitNumber is null)
        {
            errors.Add(new ValidationError("codeDigit", "Vul het laatste cijfer van uw huisnummer in: één cijfer van 0 tot en met 9."));
        }

        return errors.Count == before ? new PersonalCode(cleaned!, dayNumber!.Value, digitNumber!.Value) : null;
    }

    /// <summary>A code written as one text ("MA073", "ma-07-3", "Ma 7 3"), as on a paper card or in an import; null when it is not one.</summary>
    public static PersonalCode? Parse(string? text)
    {
        var compact = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '.' && c != '/').ToArray());
        var letters = Letters2(compact.Length >= 2 ? compact[..2] : null);
        var digits = compact.Length > 2 ? compact[2..] : "";
        if (letters is null || digits.Length is < 2 or > 3 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var day = int.Parse(digits[..^1], CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 ? new PersonalCode(letters, day, digits[^1] - '0') : null;
    }

    /// <summary>Exactly two letters after dropping accents (é → E), in upper case; null otherwise.</summary>
    private static string? Letters2(string? text)
    {
        var decomposed = (text ?? "").Trim().Normalize(NormalizationForm.FormD);
        var letters = new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).ToUpperInvariant();
        return letters.Length == 2 && letters.All(char.IsAsciiLetterUpper) ? letters : null;
    }
}

/// <summary>
/// The keys that link a respondent's responses across rounds: HMAC-SHA-256 with a secret per project (32 random bytes,
/// made on first use) over either the personal code or the register entry an invitation was made for. Without the
/// project's secret a key cannot be traced back to a code; the same code in two projects gives two different keys.
/// </summary>
public static class RespondentKeys
{
    public static string ForCode(string secret, PersonalCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Hmac(secret, "code:" + code.Text);
    }

    public static string ForInvitee(string secret, long registerId) => Hmac(secret, string.Create(CultureInfo.InvariantCulture, $"uitnodiging:{registerId}"));

    /// <summary>The project's secret, made in this transaction when it has none yet.</summary>
    internal static async Task<string> SecretAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long projectId, CancellationToken cancellationToken)
    {
        await Data.Sql.ExecuteAsync(connection, transaction, "INSERT INTO respondent_key_secrets (project_id, secret) VALUES (@p, @s) ON CONFLICT DO NOTHING;", cancellationToken,
            ("@p", projectId), ("@s", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))));
        return (string)(await Data.Sql.ScalarAsync(connection, transaction, "SELECT secret FROM respondent_key_secrets WHERE project_id = @p;", cancellationToken, ("@p", projectId)))!;
    }

    private static string Hmac(string secret, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(secret), Encoding.UTF8.GetBytes(value)));
}
