using Appliance.Data.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Appliance.Web.Auth;

/// <summary>
/// An open admin page lives on a circuit that never sees the cookie again; this re-checks its user
/// every minute, so a deleted user or changed role does not outlive the change on an open tab.
/// </summary>
internal sealed class AdminCircuitRevalidator(ILoggerFactory loggerFactory, UserStore users) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (principal.Identity?.Name is not { } name)
        {
            return false;
        }

        var user = await users.FindAsync(name, cancellationToken);
        return user is not null && principal.IsInRole(user.Role);
    }
}
