using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Appliance.Web.Auth;

/// <summary>
/// An open admin page lives on a circuit that never sees the cookie again; this re-checks its
/// session every minute as the cookie check does on every request, so a deleted user, a new
/// password or role, ended sessions or a sign-out elsewhere do not outlive the change on an open tab.
/// </summary>
internal sealed class AdminCircuitRevalidator(ILoggerFactory loggerFactory, AdminSessions sessions) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsValidAsync(authenticationState, cancellationToken);

    /// <summary>The check itself, for the override and for tests.</summary>
    internal async Task<bool> IsValidAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await sessions.ValidateAsync(authenticationState.User, cancellationToken) is not null;
}
