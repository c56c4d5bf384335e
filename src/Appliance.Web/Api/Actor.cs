namespace Appliance.Web.Api;

/// <summary>Who made a change, as the audit trail records it.</summary>
internal static class Actor
{
    public static string Of(HttpContext context) => context.User.Identity?.Name ?? "unknown";
}
