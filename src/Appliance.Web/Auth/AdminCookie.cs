using System.Security.Claims;
using Appliance.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

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

    /// <summary>
    /// Checks a cookie against the user store on every request: a deleted user is signed out, and a
    /// changed role takes effect at once instead of when the cookie expires.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var user = name is null ? null : await users.FindAsync(name, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        if (!context.Principal!.IsInRole(user.Role) || context.Principal.Identity!.Name != user.UserName)
        {
            context.ReplacePrincipal(PrincipalFor(user));
            context.ShouldRenew = true;
        }
    }

    /// <summary>Only local return URLs are followed after sign-in, so the page cannot be used to send users elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
