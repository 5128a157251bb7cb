namespace Monitor.Core.Reports;

/// <summary>A template a report can use: the built-in one (Id null) or a project's own copy.</summary>
public sealed record TemplateInfo(long? Id, ReportKind Kind, string Name, string Version, string Body, DateTimeOffset? UpdatedAt, string? UpdatedBy);
