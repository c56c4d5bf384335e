using System.Net;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Security.Shield;
using Appliance.Web.Components.Pages.Security;
using Bunit;

namespace Appliance.Web.Tests.Components.Security;

public sealed class SecurityPageTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    private readonly ShieldLog _shield = new(TimeProvider.System);

    [Fact]
    public async Task A_client_turned_away_after_the_page_opened_shows_up_without_a_reload()
    {
        Services.AddSingleton(new ProxyOptions());
        Services.AddSingleton(_shield);
        await SignInAsync();
        RenderPopoverHost();
        var page = Render<SecurityPage>();
        Assert.Empty(page.FindAll("[data-blocked-client]"));

        _shield.Record("AccessList", "shop", IPAddress.Parse("198.51.100.23"), "office");

        page.WaitForAssertion(() => Assert.Contains("AccessList (office)", page.Find("[data-blocked-client='198.51.100.23']").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("AccessList on shop: 1", page.Find("[data-testid=blocked]").TextContent);
    }
}
