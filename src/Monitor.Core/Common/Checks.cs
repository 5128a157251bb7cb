namespace Monitor.Core.Common;

/// <summary>
/// The one set of input checks every slice uses, with one wording in Dutch: "Vul de titel in." and "De titel is te lang:
/// 320 tekens, hooguit 300 toegestaan." Checks add to a list, so a form gets every message at once; <see cref="ThrowIfAny"/>
/// ends the check.
/// </summary>
public static class Checks
{
    /// <summary>A text that must be filled in and may be at most <paramref name="max"/> characters. <paramref name="label"/> reads "de titel".</summary>
    public static void Required(List<ValidationError> errors, string field, string? value, int max, string label)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ValidationError(field, $"Vul {label} in."));
        }
        else
        {
            Optional(errors, field, value, max, label);
        }
    }

    /// <summary>A text that may be empty and may be at most <paramref name="max"/> characters.</summary>
    public static void Optional(List<ValidationError> errors, string field, string? value, int max, string label)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentException.ThrowIfNullOrEmpty(label);
        if (value is not null && value.Length > max)
        {
            errors.Add(new ValidationError(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} is te lang: {value.Length} tekens, hooguit {max} toegestaan."));
        }
    }

    /// <summary>
    /// A number typed the Dutch or the English way: "3,5" and "3.5", "-2", "1.250,5" and "1,250.5" (the last separator is
    /// the decimal one when both occur). No exponents, no infinity, at most 30 characters.
    /// </summary>
    public static bool TryParseNumber(string? text, out double value)
    {
        value = 0;
        var trimmed = text?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (trimmed.Length is 0 or > 30)
        {
            return false;
        }

        var comma = trimmed.LastIndexOf(',');
        var dot = trimmed.LastIndexOf('.');
        var normal = (comma, dot) switch
        {
            ( >= 0, >= 0) when comma > dot => trimmed.Replace(".", "", StringComparison.Ordinal).Replace(',', '.'),
            ( >= 0, >= 0) => trimmed.Replace(",", "", StringComparison.Ordinal),
            ( >= 0, _) when trimmed.Count(c => c == ',') == 1 => trimmed.Replace(',', '.'),
            ( >= 0, _) => "",
            _ => trimmed,
        };
        return double.TryParse(normal, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <exception cref="ValidationException">When <paramref name="errors"/> holds any.</exception>
    public static void ThrowIfAny(List<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
