namespace Monitor.Core.Reports;

/// <summary>The two report types: the periodic progress report and the process evaluation.</summary>
public enum ReportKind
{
    /// <summary>Voortgangsrapportage: per project and period, for management.</summary>
    Voortgang,

    /// <summary>Procesevaluatie: succesfactoren en geleerde lessen, per project.</summary>
    Procesevaluatie,
}

/// <summary>
/// What a report is generated for: the period (progress report) and the day it is made; <paramref name="Concept"/> asks
/// the process evaluation for the draft of the joint session (all findings, marked CONCEPT) instead of the one to send.
/// </summary>
public sealed record ReportParameters(DateOnly From, DateOnly To, DateOnly Today, bool Concept = false);
