using System.Security.Claims;
using System.Security.Cryptography;
using Appliance.Data.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Appliance.Web.Auth;

/// <summary>
/// The admin site's sign-in cookie: HttpOnly, SameSite=Strict, Secure when served over HTTPS. It
/// carries the user's name and role, the user's security stamp at sign-in and a session id, so that
/// the server can end one session (sign-out) or all of a user's sessions (a new stamp).
/// </summary>
public static class AdminCookie
{
    public const string Scheme = "AdminCookie";
    public const string CookieName = "appliance_admin";

    /// <summary>The claim with the session id that sign-out revokes.</summary>
    public const string SessionIdClaim = "appliance:sid";

    /// <summary>The claim with the user's security stamp when the session was issued.</summary>
    public const string SecurityStampClaim = "appliance:stamp";

    /// <summary>How long a cookie lives without use (sliding); also how long a revoked session is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>The principal a signed-in user carries in session <paramref name="sessionId"/>.</summary>
    public static ClaimsPrincipal PrincipalFor(SessionUser user, string sessionId) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.User.UserName),
            new Claim(ClaimTypes.Role, user.User.Role),
            new Claim(SecurityStampClaim, user.SecurityStamp),
            new Claim(SessionIdClaim, sessionId),
        ],
        Scheme));

    /// <summary>A new, unguessable session id.</summary>
    public static string NewSessionId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Checks a cookie on every request: a deleted user, a replaced security stamp (new password or
    /// role, sessions ended by an Admin) or a signed-out session is refused and the cookie removed.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AdminSessions>();
        if (context.Principal is null || await sessions.ValidateAsync(context.Principal, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    /// <summary>Only local return URLs are followed after sign-in, so the page cannot be used to send users elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
