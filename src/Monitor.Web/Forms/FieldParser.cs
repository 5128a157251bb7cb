using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Planning;
using Monitor.Web.Endpoints;

namespace Monitor.Web.Forms;

/// <summary>
/// The one way pages and API endpoints read dates, times, months and codes sent as text: each problem becomes a Dutch
/// message naming the field, all of them are collected, and the caller ends with <see cref="Problem"/> (API: a 400
/// problem+json) or <see cref="ThrowIfAny"/> (pages: the page shows the messages).
/// </summary>
internal sealed class FieldParser
{
    private readonly List<ValidationError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Add(string field, string message) => _errors.Add(new ValidationError(field, message));

    /// <summary>The collected messages as the API's 400 problem+json (<see cref="ApiResults.Invalid(IReadOnlyList{ValidationError}, string)"/>).</summary>
    public ValidationProblem Problem(string title = ApiResults.NotSaved) => ApiResults.Invalid(_errors, title);

    /// <exception cref="ValidationException">When a field could not be read.</exception>
    public void ThrowIfAny() => Checks.ThrowIfAny(_errors);

    /// <summary>A date as jjjj-mm-dd; null when empty or unreadable (then with a message).</summary>
    public DateOnly? Date(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(field, $"'{text}' is geen datum voor {label}; schrijf jjjj-mm-dd (bijvoorbeeld 2025-03-14).");
        return null;
    }

    /// <summary>A date that must be there.</summary>
    public DateOnly? RequiredDate(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, $"Vul {label} in (jjjj-mm-dd).");
            return null;
        }

        return Date(text, field, label);
    }

    /// <summary>A whole number of 0 or more; null when empty or unreadable (then with a message).</summary>
    public int? Integer(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Add(field, $"'{text.Trim()}' is geen geheel getal voor {label}.");
        return null;
    }

    /// <summary>A month as jjjj-mm; null when empty or unreadable (then with a message).</summary>
    public YearMonth? Month(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (YearMonth.TryParse(text.Trim(), out var month))
        {
            return month;
        }

        Add(field, $"'{text}' is geen maand voor {label}; schrijf jjjj-mm (bijvoorbeeld 2021-03).");
        return null;
    }

    /// <summary>A time as uu:mm; null when empty or unreadable (then with a message).</summary>
    public TimeOnly? Time(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Add(field, $"'{text}' is geen tijd voor {label}; schrijf uu:mm (bijvoorbeeld 09:30).");
        return null;
    }

    /// <summary>One of an enum's codes (<see cref="Codes"/>); null when empty or unknown (then with a message listing the choices).</summary>
    public T? Code<T>(string? text, string field, string label)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Codes.TryParse<T>(text.Trim(), out var value))
        {
            return value;
        }

        Add(field, $"'{text}' is geen {label}. Kies {string.Join(", ", Codes.All<T>())}.");
        return null;
    }

    /// <summary>One of an enum's codes that must be there; null when empty (then with a message listing the choices) or unknown.</summary>
    public T? RequiredCode<T>(string? text, string field, string label)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, $"Kies een {label}: {string.Join(", ", Codes.All<T>())}.");
            return null;
        }

        return Code<T>(text, field, label);
    }
}
