using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Components.Pages.Users;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Users;

public sealed class UsersAndTokensTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task An_admin_adds_a_user_after_the_stores_messages_for_a_short_password()
    {
        await SignInAsync("alice");
        RenderPopoverHost();
        var name = UniqueName("carol");
        var list = Render<UserList>();

        list.Find("#new-user-name").Change(name);
        list.Find("#new-user-password").Change("short");
        list.Find("[data-testid=add-user]").Click();
        list.WaitForAssertion(() => Assert.Contains("Use a password of 12 to 128 characters.", list.Find("[data-testid=users]").TextContent));
        Assert.Null(await Database.Users.FindAsync(name));

        list.Find("#new-user-password").Change("a long enough passphrase");
        list.Find("[data-testid=add-user]").Click();

        list.WaitForAssertion(() => Assert.NotNull(list.Find($"[data-user='{name}']")));
        var user = await Database.Users.FindAsync(name);
        Assert.Equal(ApplianceRoles.Viewer, user?.User.Role);
        Assert.Equal(SignInOutcome.Succeeded, (await Database.Users.SignInAsync(name, "a long enough passphrase")).Outcome);
    }

    [Fact]
    public async Task A_created_token_is_shown_once_and_the_token_store_accepts_it()
    {
        await SignInAsync("alice");
        RenderPopoverHost();
        var name = UniqueName("ci");
        var list = Render<ApiTokenList>();

        list.Find("#new-token-name").Change(name);
        list.Find("[data-testid=create-token]").Click();

        var secret = "";
        list.WaitForAssertion(() => secret = list.Find("[data-testid=new-token]").TextContent.Trim());
        Assert.Equal(name, (await Database.Tokens.FindAsync(secret))?.Name);
        Assert.Contains("active", list.Find($"[data-token='{name}']").TextContent);

        // The copy button hands the browser's clipboard exactly the secret shown.
        list.Find("[data-testid=copy-token]").Click();
        var copied = JSInterop.Invocations["navigator.clipboard.writeText"].Single();
        Assert.Equal(secret, copied.Arguments.Single());

        // Shown once: a fresh render of the list has no secret in it.
        var again = Render<ApiTokenList>();
        Assert.Empty(again.FindAll("[data-testid=new-token]"));
        Assert.DoesNotContain(secret, again.Markup);
    }

    [Fact]
    public async Task A_viewer_sees_users_and_tokens_without_any_control()
    {
        await SignInAsync("victor", ApplianceRoles.Viewer);
        RenderPopoverHost();

        var users = Render<UserList>();
        var tokens = Render<ApiTokenList>();

        Assert.Empty(users.FindAll("[data-testid=add-user]"));
        Assert.Empty(users.FindAll("#new-user-name"));
        Assert.Empty(users.FindAll("button[aria-label^='Delete user']"));
        Assert.Empty(users.FindAll("button[aria-label^='End sessions']"));
        Assert.Empty(tokens.FindAll("[data-testid=create-token]"));
        Assert.Empty(tokens.FindAll("button[aria-label^='Revoke token']"));
    }

    [Fact]
    public async Task A_viewer_does_not_see_the_token_list_which_the_api_refuses_them_too()
    {
        var name = UniqueName("deploy");
        Assert.True((await Database.Tokens.CreateAsync(new Appliance.Data.Tokens.ApiTokenRequest { Name = name, Role = ApplianceRoles.Admin }, Editor.Authorized("test"))).Succeeded);
        await SignInAsync("victor", ApplianceRoles.Viewer);
        RenderPopoverHost();

        var tokens = Render<ApiTokenList>();

        Assert.DoesNotContain(name, tokens.Markup);
        Assert.Empty(tokens.FindAll("[data-token]"));
        Assert.Contains("Only Admins see API tokens.", tokens.Markup);
    }

    [Fact]
    public async Task An_admin_ends_every_session_of_a_user_after_confirming_and_the_audit_says_who()
    {
        var name = UniqueName("dana");
        Assert.True((await Database.Users.CreateAsync(new NewUser { UserName = name, Password = "a long enough passphrase", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        var stampBefore = (await Database.Users.FindAsync(name))!.SecurityStamp;
        await SignInAsync("alice");
        RenderPopoverHost();
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var list = Render<UserList>();

        list.Find($"button[aria-label='End sessions of {name}']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains($"Sign '{name}' out of every browser?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "End sessions").Click();

        await Eventually.TrueAsync(
            async () => (await Database.Users.FindAsync(name))!.SecurityStamp != stampBefore,
            TimeSpan.FromSeconds(5),
            "the stamp to be replaced");
        var audit = await Database.Audit.GetLatestAsync(20);
        Assert.Contains(audit, a => a.Action == Appliance.Data.Entities.AuditAction.EndSessions && a.EntityName == name && a.Actor == "alice");
    }

    [Fact]
    public async Task The_list_shows_each_users_recent_failed_sign_ins_from_every_address()
    {
        var name = UniqueName("eve");
        Assert.True((await Database.Users.CreateAsync(new NewUser { UserName = name, Password = "a long enough passphrase", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        for (var i = 1; i <= 3; i++)
        {
            await Database.Users.SignInAsync(name, "guess", System.Net.IPAddress.Parse($"192.0.2.{i}"));
        }

        await SignInAsync("alice");
        RenderPopoverHost();
        var list = Render<UserList>();

        Assert.Equal("3", list.Find($"[data-user='{name}'] [data-testid=failed-sign-ins]").TextContent.Trim());
    }

    [Fact]
    public async Task A_user_form_open_when_its_admin_was_deleted_adds_nobody()
    {
        await AddAnotherAdminAsync();
        var me = await SignInAsync(UniqueName("gone"));
        RenderPopoverHost();
        var name = UniqueName("sleeper");
        var list = Render<UserList>();

        Assert.True((await Database.Users.DeleteAsync(me.User.Id, Editor.Authorized("test"))).Succeeded);
        list.Find("#new-user-name").Change(name);
        list.Find("#new-user-password").Change("a long enough passphrase");
        list.Find("[data-testid=add-user]").Click();

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        list.WaitForAssertion(() => Assert.Equal("/login", new Uri(navigation.Uri).AbsolutePath));
        Assert.Null(await Database.Users.FindAsync(name));
    }

    [Fact]
    public async Task A_token_form_open_when_its_admin_was_demoted_creates_no_token()
    {
        await AddAnotherAdminAsync();
        var me = await SignInAsync(UniqueName("demoted"));
        RenderPopoverHost();
        var name = UniqueName("backdoor");
        var list = Render<ApiTokenList>();

        Assert.True((await Database.Users.SetRoleAsync(me.User.Id, ApplianceRoles.Viewer, Editor.Authorized("test"))).Succeeded);
        list.Find("#new-token-name").Change(name);
        list.Find("[data-testid=create-token]").Click();

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        list.WaitForAssertion(() => Assert.Equal("/login", new Uri(navigation.Uri).AbsolutePath));
        Assert.DoesNotContain(await Database.Tokens.ListAsync(), t => t.Name == name);
    }
}
