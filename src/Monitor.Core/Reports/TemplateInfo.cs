namespace Monitor.Core.Reports;

/// <summary>
/// A template a report can use: the built-in one (Id null) or a project's own copy. <see cref="IsDefault"/>: the one a report
/// made without naming a template uses (the scheduled monthly report included); the built-in one when the project chose none.
/// </summary>
public sealed record TemplateInfo(long? Id, ReportKind Kind, string Name, string Version, string Body, DateTimeOffset? UpdatedAt, string? UpdatedBy, bool IsDefault = false);
