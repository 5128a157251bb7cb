using System.Globalization;

namespace Monitor.Core.Meetings;

/// <summary>
/// The agenda a scheduled meeting starts with: the look-back at the previous held meeting of the group (approve its
/// minutes, the action items still open, what was done with its "minder gewerkt" answers) and, last, the closing
/// question. Pure: the store writes what this returns.
/// </summary>
public static class LookBackAgenda
{
    /// <summary>Position of the closing question: after everything added later.</summary>
    public const int ClosingPosition = 100;

    public static IReadOnlyList<AgendaItem> For(MeetingRecord? previous, IReadOnlyList<ActionItem> openActions, IReadOnlyList<Reflection> previousReflections)
    {
        ArgumentNullException.ThrowIfNull(openActions);
        ArgumentNullException.ThrowIfNull(previousReflections);
        var items = new List<AgendaItem>();
        if (previous is not null)
        {
            var previousDate = previous.HeldOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
            items.Add(new AgendaItem(0, 1, $"Terugblik: verslag van {previousDate} vaststellen", "", true));
            items.Add(new AgendaItem(0, 2, $"Terugblik: openstaande actiepunten ({openActions.Count})",
                string.Join("\n", openActions.Select(a => "- " + a.Description + (a.OwnerLabel is null ? "" : $" ({a.OwnerLabel})"))), true));
            var less = previousReflections.Where(r => r.WentLess.Length > 0).ToList();
            items.Add(new AgendaItem(0, 3, $"Terugblik: wat deden we met de reflecties van vorige keer? ({less.Count} keer 'minder gewerkt')",
                string.Join("\n", less.Select(r => "- " + Shorten(r.WentLess, 300))), true));
        }

        items.Add(new AgendaItem(0, ClosingPosition, "Afsluiting: " + MeetingRules.ClosingQuestion, "", false));
        return items;
    }

    internal static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
