namespace Monitor.Core.Coding.Text;

/// <summary>A range of a text in Unicode code points, <see cref="End"/> exclusive (REFI-QDA semantics).</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}
