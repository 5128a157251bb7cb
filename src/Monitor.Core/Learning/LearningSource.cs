namespace Monitor.Core.Learning;

/// <summary>A meeting, reflection, action item or finding an agenda entry is linked to.</summary>
public sealed record LearningSource(LearningSourceKind Kind, long Id);
