using Appliance.Web.Components.Pages.Cache;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Cache;

[Collection(FormRoundTrips.Name)]
public sealed class CachePurgeFormTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public void The_cache_pages_purge_form_refuses_a_relative_url_and_says_how_many_entries_went()
    {
        var page = Render<CachePage>();

        page.Find("#purge-url").Change("/static/app.css");
        page.Find("[data-testid=purge-url]").Click();
        page.WaitForAssertion(() => Assert.Equal("Give an absolute http:// or https:// URL.", page.Find("[data-testid=purge-result]").TextContent));

        page.Find("#purge-url").Change("https://nothing-cached.example.test/static/");
        page.Find("[data-testid=purge-prefix]").Click();
        page.WaitForAssertion(() => Assert.Equal("0 entries purged.", page.Find("[data-testid=purge-result]").TextContent));
        Assert.NotNull(page.Find("[data-testid=cache-stats]"));
    }
}
