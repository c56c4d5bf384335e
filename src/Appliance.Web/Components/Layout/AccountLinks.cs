using System.Security.Claims;
using Appliance.Data.Model;

namespace Appliance.Web.Components.Layout;

/// <summary>The signed-in user's own pages and role, as both forms of the app bar show them.</summary>
internal static class AccountLinks
{
    public const string Password = "/account/password";
    public const string TwoFactor = "/account/two-factor";

    public static string RoleOf(ClaimsPrincipal user) =>
        user.IsInRole(ApplianceRoles.Admin) ? ApplianceRoles.Admin : ApplianceRoles.Viewer;
}
