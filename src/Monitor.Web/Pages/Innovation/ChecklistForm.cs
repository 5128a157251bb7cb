using Monitor.Core.Innovation;

namespace Monitor.Web.Pages.Innovation;

/// <summary>What the phone-sized checklist form shows: the core elements, and team and kind only when the user chooses them.</summary>
public sealed record ChecklistForm(IReadOnlyList<CoreElement> Elements, DateOnly Today, IReadOnlyList<string> Teams, bool ChooseTeam, bool ChooseKind);
