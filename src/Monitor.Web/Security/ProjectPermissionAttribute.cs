using Microsoft.AspNetCore.Authorization;

namespace Monitor.Web.Security;

/// <summary>Puts a Razor page behind a project permission: [ProjectPermission(Capability.ViewAudit)].</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ProjectPermissionAttribute : AuthorizeAttribute
{
    public ProjectPermissionAttribute(Capability capability) : base(ProjectAccess.PolicyName(capability)) => Capability = capability;

    public Capability Capability { get; }
}
