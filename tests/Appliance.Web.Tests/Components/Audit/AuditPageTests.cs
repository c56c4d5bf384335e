using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Audit;
using Bunit;

namespace Appliance.Web.Tests.Components.Audit;

public sealed class AuditPageTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task The_search_narrows_the_entries_and_a_click_shows_an_entrys_diff()
    {
        var (pool, route) = (UniqueName("audited"), UniqueName("audited"));
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "alice");
        await Database.Store.Routes.CreateAsync(new RouteSpec { Name = route, Path = $"/{route}", Targets = [new TargetSpec { Pool = pool }] }, "bob");
        Services.AddSingleton(Database.Audit);
        await SignInAsync();
        RenderPopoverHost();
        var page = Render<AuditPage>();
        var poolEntry = $"Create pool {pool}";
        var routeEntry = $"Create route {route}";
        page.WaitForAssertion(() => Assert.Contains(poolEntry, page.Markup));
        Assert.Contains(routeEntry, page.Markup);

        page.Find("#audit-search").Input("bob");

        page.WaitForAssertion(() => Assert.DoesNotContain(poolEntry, page.Markup), TimeSpan.FromSeconds(5));
        var entry = page.FindAll("td[data-audit]").Single(td => td.TextContent.Contains(routeEntry, StringComparison.Ordinal));
        entry.Click();
        page.WaitForAssertion(() => Assert.Contains($"/{route}", page.Find("[data-testid=audit-diff]").TextContent));
    }
}
