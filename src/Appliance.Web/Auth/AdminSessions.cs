using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Appliance.Data.Users;
using Microsoft.AspNetCore.Authentication;

namespace Appliance.Web.Auth;

/// <summary>
/// Starts, checks and ends admin-site sessions. A session is valid while its user exists with the
/// role and security stamp the cookie carries and its session id has not been signed out; the
/// cookie check on every request and the circuit revalidator both ask here.
/// </summary>
internal sealed partial class AdminSessions(UserStore users, RevokedSessionStore revoked, ILogger<AdminSessions> logger)
{
    /// <summary>The user behind <paramref name="principal"/> if its session is still valid, else null.</summary>
    public async Task<SessionUser?> ValidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.Identity?.Name is not { } name
            || principal.FindFirstValue(AdminCookie.SecurityStampClaim) is not { Length: > 0 } stamp
            || principal.FindFirstValue(AdminCookie.SessionIdClaim) is not { Length: > 0 } sessionId)
        {
            // Also every cookie issued before sessions had ids: their holders sign in once more.
            return null;
        }

        var user = await users.FindAsync(name, cancellationToken);
        if (user is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user.SecurityStamp), Encoding.UTF8.GetBytes(stamp))
            || !principal.IsInRole(user.User.Role))
        {
            return null;
        }

        return await revoked.IsRevokedAsync(sessionId, cancellationToken) ? null : user;
    }

    /// <summary>Issues the cookie of a new session for <paramref name="user"/>.</summary>
    public Task SignInAsync(HttpContext context, SessionUser user) =>
        context.SignInAsync(AdminCookie.Scheme, AdminCookie.PrincipalFor(user, AdminCookie.NewSessionId()));

    /// <summary>
    /// Re-issues the current session's cookie with the user's current stamp, after the user changed
    /// something that ended their other sessions (their own password): this browser stays signed in.
    /// </summary>
    public async Task RenewAsync(HttpContext context)
    {
        if (context.User.Identity?.Name is not { } name || context.User.FindFirstValue(AdminCookie.SessionIdClaim) is not { Length: > 0 } sessionId)
        {
            return;
        }

        if (await users.FindAsync(name, context.RequestAborted) is { } user)
        {
            await context.SignInAsync(AdminCookie.Scheme, AdminCookie.PrincipalFor(user, sessionId));
        }
    }

    /// <summary>
    /// Ends the current session on the server, not only in this browser; with
    /// <paramref name="everywhere"/>, every session of the user.
    /// </summary>
    public async Task SignOutAsync(HttpContext context, bool everywhere)
    {
        var name = context.User.Identity?.Name;
        if (context.User.FindFirstValue(AdminCookie.SessionIdClaim) is { Length: > 0 } sessionId)
        {
            await revoked.RevokeAsync(sessionId, AdminCookie.Lifetime, context.RequestAborted);
        }

        if (everywhere && name is not null && await users.FindAsync(name, context.RequestAborted) is { } user)
        {
            await users.EndSessionsAsync(user.User.Id, name, context.RequestAborted);
            LogSignedOutEverywhere(name);
        }

        await context.SignOutAsync(AdminCookie.Scheme);
    }

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "User '{UserName}' signed out of every session.")]
    private partial void LogSignedOutEverywhere(string userName);
}
