using Appliance.Data.Users;
using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Pools;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Tests.Components.Pools;

// The pools page reads live health, so it renders against a running appliance; it refreshes itself
// every 2 s, so each find and fire happens in one dispatcher turn (a tick can re-render between).
[Collection(FormRoundTrips.Name)]
public sealed class PoolsPageTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task A_delete_confirmed_after_its_user_was_demoted_deletes_nothing_and_leads_to_sign_in()
    {
        var name = UniqueName("kept");
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = name, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test")).Succeeded);
        Assert.True((await Users.CreateAsync(new Appliance.Data.Users.NewUser { UserName = UniqueName("other"), Password = "another admin passphrase", Role = ApplianceRoles.Admin }, Editor.Authorized("test"))).Succeeded);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var page = Render<Appliance.Web.Components.Pages.Pools.Pools>();

        page.WaitForElement($"button[aria-label='Delete pool {name}']");
        await page.InvokeAsync(() => page.Find($"button[aria-label='Delete pool {name}']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains($"Delete pool '{name}'", dialogs.Markup));
        Assert.True((await Users.SetRoleAsync(SignedIn.User.Id, ApplianceRoles.Viewer, Editor.Authorized("test"))).Succeeded);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Equal("/login", new Uri(navigation.Uri).AbsolutePath));
        Assert.NotNull(await Store.Pools.GetAsync(name));
    }
}
