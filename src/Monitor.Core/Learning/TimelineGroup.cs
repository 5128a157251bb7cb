namespace Monitor.Core.Learning;

/// <summary>A group of the project, to filter the timeline by.</summary>
public sealed record TimelineGroup(long Id, string Name);
