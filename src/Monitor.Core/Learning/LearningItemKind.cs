namespace Monitor.Core.Learning;

/// <summary>What an entry of the learning agenda is: a learning question, or a bottleneck that keeps coming back (stored as leervraag, knelpunt).</summary>
public enum LearningItemKind
{
    Leervraag,
    Knelpunt,
}
