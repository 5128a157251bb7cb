namespace Monitor.Core.Data;

/// <summary>The outcome of <see cref="DatabaseHealth.CheckAsync"/>; the description is for operators (English, like the log).</summary>
public sealed record DatabaseHealthReport(bool Healthy, string Description);
