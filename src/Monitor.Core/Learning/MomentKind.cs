namespace Monitor.Core.Learning;

/// <summary>A high or a low point on the timeline (stored as hoogtepunt, dieptepunt).</summary>
public enum MomentKind
{
    Hoogtepunt,
    Dieptepunt,
}
