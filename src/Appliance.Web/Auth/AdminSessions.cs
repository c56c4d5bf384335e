using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Appliance.Data.Users;
using Microsoft.AspNetCore.Authentication;

namespace Appliance.Web.Auth;

/// <summary>
/// Starts, checks and ends admin-site sessions. A session is valid while its user exists with the
/// role and security stamp the cookie carries and its session id has not been signed out; the
/// cookie check on every request and the circuit revalidator both ask here, one query each, and a
/// check that succeeded within <see cref="SessionCheckCache.Lifetime"/> is answered from memory
/// (this node forgets it at once when a session ends; other nodes within that time).
/// </summary>
internal sealed partial class AdminSessions(UserStore users, RevokedSessionStore revoked, SessionCheckCache checks, ILogger<AdminSessions> logger)
{
    /// <summary>The user behind <paramref name="principal"/> if its session is still valid, else null.</summary>
    public Task<SessionUser?> ValidateAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        ValidateAsync(principal, useRecentCheck: true, cancellationToken);

    /// <summary>
    /// <see cref="ValidateAsync(ClaimsPrincipal, CancellationToken)"/> read from the database even if
    /// checked a moment ago: before a change is saved, so that a session ended on another node
    /// cannot save anything either.
    /// </summary>
    public Task<SessionUser?> ValidateNowAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default) =>
        ValidateAsync(principal, useRecentCheck: false, cancellationToken);

    private async Task<SessionUser?> ValidateAsync(ClaimsPrincipal principal, bool useRecentCheck, CancellationToken cancellationToken)
    {
        if (principal.Identity?.Name is not { } name
            || principal.FindFirstValue(AdminCookie.SecurityStampClaim) is not { Length: > 0 } stamp
            || principal.FindFirstValue(AdminCookie.SessionIdClaim) is not { Length: > 0 } sessionId)
        {
            // Also every cookie issued before sessions had ids: their holders sign in once more.
            return null;
        }

        if (useRecentCheck && checks.Find(sessionId, stamp) is { } recent)
        {
            return IsFor(principal, name, recent) ? recent : null;
        }

        var generation = checks.Generation;
        var user = await users.FindSessionAsync(name, sessionId, cancellationToken);
        if (user is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user.SecurityStamp), Encoding.UTF8.GetBytes(stamp))
            || !IsFor(principal, name, user))
        {
            return null;
        }

        checks.Remember(sessionId, stamp, user, generation);
        return user;
    }

    private static bool IsFor(ClaimsPrincipal principal, string name, SessionUser user) =>
        principal.IsInRole(user.User.Role) && string.Equals(name.Trim(), user.User.UserName, StringComparison.OrdinalIgnoreCase);

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
            // Users end their own sessions, Viewers too: the cookie of this very request was just checked.
            await users.EndSessionsAsync(user.User.Id, Editor.Authorized(name), context.RequestAborted);
            LogSignedOutEverywhere(name);
        }

        await context.SignOutAsync(AdminCookie.Scheme);
    }

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "User '{UserName}' signed out of every session.")]
    private partial void LogSignedOutEverywhere(string userName);
}
