using System.Security.Claims;
using Appliance.Data.Users;

namespace Appliance.Web.Auth;

/// <summary>The admin site's sign-in cookie: HttpOnly, SameSite=Strict, Secure when served over HTTPS.</summary>
public static class AdminCookie
{
    public const string Scheme = "AdminCookie";
    public const string CookieName = "appliance_admin";

    /// <summary>The principal a signed-in user carries.</summary>
    public static ClaimsPrincipal PrincipalFor(UserInfo user) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.Role, user.Role)],
        Scheme));

    /// <summary>Only local return URLs are followed after sign-in, so the page cannot be used to send users elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
