using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Security;
using Bunit;

namespace Appliance.Web.Tests.Components.Security;

public sealed class ShieldFormsTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task An_access_list_with_a_bad_range_names_it_and_a_good_one_is_saved_in_order()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("office");
        AccessListSpec? saved = null;
        var form = Render<AccessListForm>(p => p.Add(f => f.Saved, (AccessListSpec l) => saved = l));

        form.Find("#list-name").Change(name);
        form.Find("#list-rules").Change("allow 203.0.113.0/24\ndeny 300.0.0.0/8");
        form.Find("[data-testid=save-list]").Click();
        form.WaitForAssertion(() => Assert.Contains("'300.0.0.0/8' is not an IPv4 or IPv6 address", form.Find("[data-testid=access-list-form]").TextContent));
        Assert.DoesNotContain(await Database.Store.AccessLists.ListAsync(), l => l.Name == name);

        form.Find("#list-rules").Change("allow 203.0.113.0/24\ndeny 2001:db8::/32");
        form.Find("[data-testid=save-list]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = Assert.Single(await Database.Store.AccessLists.ListAsync(), l => l.Name == name);
        Assert.Equal(["Allow 203.0.113.0/24", "Deny 2001:db8::/32"], stored.Rules.Select(r => $"{r.Action} {r.Cidr}"));
    }

    [Fact]
    public async Task A_rate_limit_with_zero_permits_gets_the_stores_message_and_a_good_one_is_saved()
    {
        await SignInAsync();
        var name = UniqueName("login");
        RateLimitSpec? saved = null;
        var form = Render<RateLimitForm>(p => p.Add(f => f.Saved, (RateLimitSpec l) => saved = l));

        form.Find("#limit-name").Change(name);
        form.Find("#limit-permits").Change("0");
        form.Find("[data-testid=save-limit]").Click();
        form.WaitForAssertion(() => Assert.Contains("Permits must be between 1 and 1000000.", form.Find("[data-testid=rate-limit-form]").TextContent));

        form.Find("#limit-permits").Change("5");
        form.Find("#limit-period").Change("60");
        form.Find("#limit-burst").Change("5");
        form.Find("[data-testid=save-limit]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = Assert.Single(await Database.Store.RateLimits.ListAsync(), l => l.Name == name);
        Assert.Equal((5, 60, 5), (stored.Permits, stored.PeriodSeconds, stored.Burst));
    }

    [Fact]
    public async Task Basic_auth_users_are_listed_added_removed_and_given_new_passwords()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("staff");
        await Database.Store.AccessLists.CreateAsync(new AccessListSpec
        {
            Name = name,
            BasicAuthUsers = [User("alice", "alice-password-1"), User("bob", "bob-password-22"), User("dave", "dave-password-333")],
        }, "test");
        var list = (await Database.Store.AccessLists.ListAsync()).Single(l => l.Name == name);
        var bobHash = list.BasicAuthUsers.Single(u => u.User == "bob").PasswordHash;
        AccessListSpec? saved = null;
        var form = Render<AccessListForm>(p => p.Add(f => f.List, list).Add(f => f.Saved, (AccessListSpec l) => saved = l));

        Assert.Equal(["alice", "bob", "dave"], form.FindAll("[id^=basic-auth-][id$=-user]").Select(i => i.GetAttribute("value")));
        Assert.All(form.FindAll("[id^=basic-auth-][id$=-user]"), input => Assert.True(input.HasAttribute("readonly")));
        Assert.All(form.FindAll("[id^=basic-auth-][id$=-password]"), input => Assert.True(string.IsNullOrEmpty(input.GetAttribute("value"))));
        form.Find("button[aria-label='Remove user dave']").Click();
        form.Find("#basic-auth-0-password").Change("alice-new-password");
        form.Find("[data-testid=add-basic-auth-user]").Click();
        form.Find("#basic-auth-2-user").Change("carol");
        form.Find("#basic-auth-2-password").Change("carol-password-4");
        form.Find("[data-testid=save-list]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        var users = (await Database.Store.AccessLists.ListAsync()).Single(l => l.Name == name).BasicAuthUsers;
        Assert.Equal(["alice", "bob", "carol"], users.Select(u => u.User));
        Assert.True(Verifies(users[0], "alice-new-password"));
        Assert.False(Verifies(users[0], "alice-password-1"));
        Assert.Equal(bobHash, users[1].PasswordHash);
        Assert.True(Verifies(users[2], "carol-password-4"));
    }

    [Fact]
    public async Task A_new_user_without_a_password_and_a_short_password_get_the_stores_messages_on_their_rows()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("staff");
        await Database.Store.AccessLists.CreateAsync(new AccessListSpec { Name = name, BasicAuthUsers = [User("alice", "alice-password-1")] }, "test");
        var list = (await Database.Store.AccessLists.ListAsync()).Single(l => l.Name == name);
        var form = Render<AccessListForm>(p => p.Add(f => f.List, list));

        form.Find("#basic-auth-0-password").Change("short");
        form.Find("[data-testid=add-basic-auth-user]").Click();
        form.Find("#basic-auth-1-user").Change("carol");
        form.Find("[data-testid=save-list]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Use a password of 12 to 128 characters.", form.Find("[data-basic-auth-user='0']").TextContent);
            Assert.Contains("'carol' is new: a password is required.", form.Find("[data-basic-auth-user='1']").TextContent);
        });
        var stored = (await Database.Store.AccessLists.ListAsync()).Single(l => l.Name == name);
        Assert.Equal(list.BasicAuthUsers.Single().PasswordHash, Assert.Single(stored.BasicAuthUsers).PasswordHash);
    }

    private static BasicAuthUserSpec User(string name, string password) => new() { User = name, Password = password };

    private static bool Verifies(BasicAuthUserSpec user, string password) =>
        Appliance.Data.Passwords.PasswordHashes.Verify(user.PasswordHash!, password).Matches;
}
