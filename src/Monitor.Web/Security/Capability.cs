namespace Monitor.Web.Security;

/// <summary>What a request wants to do in a project. <see cref="ProjectAccess.Allows"/> maps roles to permissions.</summary>
public enum Capability
{
    /// <summary>See the project: overview, phases, groups, counts (every project role).</summary>
    ViewProject,

    /// <summary>Raw material: meeting notes, minutes, reflections, coded fragments (not management).</summary>
    ViewMeetingDetails,

    /// <summary>Plan, groups and meetings (projectleider).</summary>
    ManageProject,

    /// <summary>Coding and findings (onderzoeker).</summary>
    CodeData,

    /// <summary>Findings (success factors, lessons, advice) and report templates (onderzoeker and projectleider).</summary>
    ManageFindings,

    /// <summary>Reports and dashboards (all but deelnemer).</summary>
    ViewReports,

    /// <summary>The project's audit trail (projectleider).</summary>
    ViewAudit,

    /// <summary>Pseudonym list, retention (projectleider).</summary>
    ManagePrivacy,
}
