namespace Monitor.Core.Reports;

/// <summary>What is known of a stored report without its text: kind, template, parameters, when, by whom and the HTML's SHA-256.</summary>
public sealed record SnapshotInfo(long Id, ReportKind Kind, string TemplateName, string TemplateVersion, string Parameters, DateTimeOffset CreatedAt, string CreatedBy, string Sha256);
