using Microsoft.AspNetCore.Authorization;

namespace Monitor.Web.Security;

/// <summary>Requires <see cref="Capability"/> in the project named by the route value "id".</summary>
public sealed class ProjectPermissionRequirement(Capability capability) : IAuthorizationRequirement
{
    public Capability Capability { get; } = capability;
}
