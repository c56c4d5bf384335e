using System.Security.Claims;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Auth;
using Appliance.Web.Tests.Components;

namespace Appliance.Web.Tests.Auth;

// Every admin-site request checks its session; a check that succeeded a moment ago is answered from
// memory, and any change on this node that ends sessions must still end them at once.
public sealed class AdminSessionsTests(ConfigDatabase database) : IClassFixture<ConfigDatabase>
{
    private const string Password = "sessions passphrase 5";

    private AdminSessions Sessions => ActivatorUtilities.CreateInstance<AdminSessions>(database.Services);

    private async Task<(UserInfo User, ClaimsPrincipal Principal, string SessionId)> SignedInAsync(string prefix, string role = ApplianceRoles.Viewer)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var created = await database.Users.CreateAsync(new NewUser { UserName = name, Password = Password, Role = role }, Editor.Authorized("test"));
        var sessionUser = (await database.Users.SignInAsync(name, Password)).User!;
        var sessionId = AdminCookie.NewSessionId();
        return (created.Value!, AdminCookie.PrincipalFor(sessionUser, sessionId), sessionId);
    }

    [Fact]
    public async Task A_session_checked_a_moment_ago_is_answered_without_reading_the_database()
    {
        var sessions = Sessions;
        var (user, principal, _) = await SignedInAsync("cached");
        Assert.NotNull(await sessions.ValidateAsync(principal));

        // Gone behind this node's back, as another node would delete it: this node trusts its recent check.
        await database.ExecuteBehindTheStoresAsync("DELETE FROM Users WHERE Id = $id", ("$id", user.Id));

        Assert.NotNull(await sessions.ValidateAsync(principal));
    }

    [Fact]
    public async Task A_sign_out_on_this_node_ends_a_session_checked_a_moment_ago()
    {
        var sessions = Sessions;
        var (_, principal, sessionId) = await SignedInAsync("revoked");
        Assert.NotNull(await sessions.ValidateAsync(principal));

        await database.RevokedSessions.RevokeAsync(sessionId, AdminCookie.Lifetime);

        Assert.Null(await sessions.ValidateAsync(principal));
    }

    [Fact]
    public async Task Ended_sessions_a_new_role_or_a_deleted_user_end_a_session_checked_a_moment_ago()
    {
        var sessions = Sessions;
        var (ended, endedPrincipal, _) = await SignedInAsync("ended");
        var (promoted, promotedPrincipal, _) = await SignedInAsync("promoted");
        var (deleted, deletedPrincipal, _) = await SignedInAsync("deleted");
        foreach (var principal in new[] { endedPrincipal, promotedPrincipal, deletedPrincipal })
        {
            Assert.NotNull(await sessions.ValidateAsync(principal));
        }

        Assert.True((await database.Users.EndSessionsAsync(ended.Id, Editor.Authorized("test"))).Succeeded);
        Assert.True((await database.Users.SetRoleAsync(promoted.Id, ApplianceRoles.Admin, Editor.Authorized("test"))).Succeeded);
        Assert.True((await database.Users.DeleteAsync(deleted.Id, Editor.Authorized("test"))).Succeeded);

        Assert.Null(await sessions.ValidateAsync(endedPrincipal));
        Assert.Null(await sessions.ValidateAsync(promotedPrincipal));
        Assert.Null(await sessions.ValidateAsync(deletedPrincipal));
    }

    [Fact]
    public async Task A_check_before_a_save_reads_the_database_even_right_after_another_check()
    {
        var sessions = Sessions;
        var (user, principal, _) = await SignedInAsync("saver", ApplianceRoles.Admin);
        Assert.NotNull(await sessions.ValidateAsync(principal));

        await database.ExecuteBehindTheStoresAsync("DELETE FROM Users WHERE Id = $id", ("$id", user.Id));

        Assert.Null(await sessions.ValidateNowAsync(principal));
    }
}
