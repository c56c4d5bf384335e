using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Security;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

[Collection(FormRoundTrips.Name)]
public sealed class AccessListFormRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Saving_the_new_list_form_under_an_existing_name_changes_nothing()
    {
        var name = await CreateListWithEveryFieldAsync();
        var before = await GetJsonAsync("/api/v1/access-lists", name);
        var hashesBefore = await HashesAsync(name);

        var form = Render<AccessListForm>();
        form.Find("#list-name").Change(name);
        form.Find("[data-testid=save-list]").Click();

        form.WaitForAssertion(() => Assert.Contains($"An access list named '{name}' already exists", form.Find("[data-testid=access-list-form]").TextContent));
        Assert.Equal(before, await GetJsonAsync("/api/v1/access-lists", name));
        Assert.Equal(hashesBefore, await HashesAsync(name));
    }

    [Fact]
    public async Task Saving_an_access_list_set_through_the_API_unchanged_leaves_its_GET_and_passwords_identical()
    {
        var name = await CreateListWithEveryFieldAsync();
        var before = await GetJsonAsync("/api/v1/access-lists", name);
        var hashesBefore = await HashesAsync(name);
        var list = (await Store.AccessLists.ListAsync()).Single(l => l.Name == name);
        AccessListSpec? saved = null;

        var form = Render<AccessListForm>(p => p.Add(f => f.List, list).Add(f => f.Saved, (AccessListSpec l) => saved = l));
        Assert.Equal(2, form.FindAll("[data-basic-auth-user]").Count);
        form.Find("[data-testid=save-list]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync("/api/v1/access-lists", name));
        Assert.Equal(hashesBefore, await HashesAsync(name));
    }

    [Fact]
    public async Task Editing_the_rules_in_the_form_changes_only_the_rules_and_keeps_the_passwords()
    {
        var name = await CreateListWithEveryFieldAsync();
        var expected = System.Text.Json.Nodes.JsonNode.Parse(await GetJsonAsync("/api/v1/access-lists", name))!;
        expected["rules"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"action":"Deny","cidr":"192.0.2.0/24","country":null}]""");
        var hashesBefore = await HashesAsync(name);
        var list = (await Store.AccessLists.ListAsync()).Single(l => l.Name == name);
        AccessListSpec? saved = null;

        var form = Render<AccessListForm>(p => p.Add(f => f.List, list).Add(f => f.Saved, (AccessListSpec l) => saved = l));
        form.Find("#list-rules").Change("deny 192.0.2.0/24");
        form.Find("[data-testid=save-list]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(expected.ToJsonString(), await GetJsonAsync("/api/v1/access-lists", name));
        Assert.Equal(hashesBefore, await HashesAsync(name));
    }

    [Fact]
    public async Task The_security_pages_edit_button_opens_the_stored_list_and_saving_it_changes_nothing()
    {
        var name = await CreateListWithEveryFieldAsync();
        var before = await GetJsonAsync("/api/v1/access-lists", name);
        var hashesBefore = await HashesAsync(name);

        var page = Render<SecurityPage>();
        page.Find($"button[aria-label='Edit access list {name}']").Click();
        page.WaitForAssertion(() => Assert.Contains($"Edit access list {name}", page.Find("[data-testid=access-list-form]").TextContent));
        page.Find("[data-testid=save-list]").Click();

        page.WaitForAssertion(() => Assert.Contains("New access list", page.Find("[data-testid=access-list-form]").TextContent));
        Assert.Equal(before, await GetJsonAsync("/api/v1/access-lists", name));
        Assert.Equal(hashesBefore, await HashesAsync(name));
    }

    // Every member away from its default, so that any field a form drops shows up.
    private async Task<string> CreateListWithEveryFieldAsync()
    {
        var name = UniqueName("full");
        await PostAsync("/api/v1/access-lists", new
        {
            name,
            global = true,
            defaultAction = AccessActions.Deny,
            denyAction = AccessActions.Drop,
            rules = new[] { new { action = "Allow", cidr = "203.0.113.0/24" }, new { action = "Deny", cidr = "2001:db8::/32" }, new { action = "Allow", cidr = "198.51.100.7" } },
            basicAuthUsers = new[] { new { user = "alice", password = "alice-password-1" }, new { user = "bob", password = "bob-password-22" } },
        });
        return name;
    }

    // The stored hashes never reach the API; the store hands them out in process only.
    private async Task<string[]> HashesAsync(string name) =>
        (await Store.AccessLists.ListAsync()).Single(l => l.Name == name).BasicAuthUsers.Select(u => $"{u.User}:{u.PasswordHash}").ToArray();
}
