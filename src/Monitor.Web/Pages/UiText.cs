using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Frameworks;
using Monitor.Core.Projects;

namespace Monitor.Web.Pages;

/// <summary>Formatting shared by the pages: dates in the UI culture, names in the UI language.</summary>
internal static class UiText
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date, DatePrecision precision) =>
        precision == DatePrecision.Month ? date.ToString("MMMM yyyy", CultureInfo.CurrentCulture) : Date(date);

    /// <summary>A moment as Dutch local time (the server may run in UTC), e.g. "22-11-2026 10:15".</summary>
    public static string DateTime(DateTimeOffset moment) =>
        DutchClock.ToDutch(moment).ToString("g", CultureInfo.CurrentCulture);

    public static string Period(DateOnly start, DateOnly? end) =>
        end is { } e ? $"{Date(start)} – {Date(e)}" : $"{Date(start)} –";

    public static string PhaseName(IReadOnlyList<MovisiePhase> phases, int number) =>
        phases.FirstOrDefault(p => p.Number == number)?.Name(Language) ?? number.ToString(CultureInfo.InvariantCulture);
}
