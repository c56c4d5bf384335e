using System.Security.Claims;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Auth;
using Appliance.Web.Tests.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Web.Tests.Auth;

// An open tab's circuit must end when the cookie would be refused: the revalidator asks the same questions.
public sealed class AdminCircuitRevalidatorTests(ConfigDatabase database) : IClassFixture<ConfigDatabase>
{
    private const string Password = "circuit passphrase 3";

    private AdminCircuitRevalidator Revalidator() =>
        new(NullLoggerFactory.Instance, ActivatorUtilities.CreateInstance<AdminSessions>(database.Services));

    private async Task<(UserInfo User, AuthenticationState State, string SessionId)> SignedInAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var created = await database.Users.CreateAsync(new NewUser { UserName = name, Password = Password, Role = ApplianceRoles.Viewer }, Editor.Authorized("test"));
        var sessionUser = (await database.Users.SignInAsync(name, Password)).User!;
        var sessionId = AdminCookie.NewSessionId();
        return (created.Value!, new AuthenticationState(AdminCookie.PrincipalFor(sessionUser, sessionId)), sessionId);
    }

    private async Task<bool> IsValidAsync(AuthenticationState state)
    {
        using var revalidator = Revalidator();
        return await revalidator.IsValidAsync(state, CancellationToken.None);
    }

    [Fact]
    public async Task A_fresh_session_stays_valid()
    {
        var (_, state, _) = await SignedInAsync("fresh");
        Assert.True(await IsValidAsync(state));
    }

    [Fact]
    public async Task A_password_changed_elsewhere_ends_the_circuit()
    {
        var (user, state, _) = await SignedInAsync("changed");
        Assert.True((await database.Users.ChangePasswordAsync(user.UserName, Password, "another passphrase 4")).Succeeded);
        Assert.False(await IsValidAsync(state));
    }

    [Fact]
    public async Task A_role_change_ends_the_circuit()
    {
        var (user, state, _) = await SignedInAsync("role");
        Assert.True((await database.Users.SetRoleAsync(user.Id, ApplianceRoles.Admin, Editor.Authorized("test"))).Succeeded);
        Assert.False(await IsValidAsync(state));
    }

    [Fact]
    public async Task Sessions_ended_by_an_admin_end_the_circuit()
    {
        var (user, state, _) = await SignedInAsync("ended");
        Assert.True((await database.Users.EndSessionsAsync(user.Id, Editor.Authorized("ops"))).Succeeded);
        Assert.False(await IsValidAsync(state));
    }

    [Fact]
    public async Task Signing_out_in_another_tab_ends_the_circuit_of_that_session()
    {
        var (_, state, sessionId) = await SignedInAsync("signout");
        await database.RevokedSessions.RevokeAsync(sessionId, AdminCookie.Lifetime);
        Assert.False(await IsValidAsync(state));
    }

    [Fact]
    public async Task A_principal_without_stamp_or_session_id_is_not_valid()
    {
        var (user, _, _) = await SignedInAsync("old");
        var old = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.Role, user.Role)], AdminCookie.Scheme));
        Assert.False(await IsValidAsync(new AuthenticationState(old)));
    }
}
