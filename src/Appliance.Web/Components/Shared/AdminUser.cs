using System.Security.Claims;
using Appliance.Data.Model;

namespace Appliance.Web.Components.Shared;

/// <summary>What a page needs to know about the signed-in user: the name the audit records and whether they may change things.</summary>
public static class AdminUser
{
    /// <summary>Admins change configuration; Viewers see the same forms read-only.</summary>
    public static bool CanEdit(ClaimsPrincipal user) => user.IsInRole(ApplianceRoles.Admin);

    /// <summary>The actor recorded in the audit trail.</summary>
    public static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
