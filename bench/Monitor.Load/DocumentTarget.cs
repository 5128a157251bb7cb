namespace Monitor.Load;

/// <summary>A coding document and its length in code points (a coded span must lie within it).</summary>
internal sealed record DocumentTarget(long Id, int Length);
