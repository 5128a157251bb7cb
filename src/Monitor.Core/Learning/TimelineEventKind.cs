namespace Monitor.Core.Learning;

/// <summary>What happened on a day of the project's timeline (codes bijeenkomst, fasebesluit, mijlpaal, hoogtepunt, dieptepunt).</summary>
public enum TimelineEventKind
{
    Bijeenkomst,
    Fasebesluit,
    Mijlpaal,
    Hoogtepunt,
    Dieptepunt,
}
