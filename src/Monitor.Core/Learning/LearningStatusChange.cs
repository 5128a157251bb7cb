namespace Monitor.Core.Learning;

/// <summary>One status an agenda entry took on, from <paramref name="On"/>, set by <paramref name="By"/>.</summary>
public sealed record LearningStatusChange(LearningStatus Status, DateOnly On, string By, string Note);
