using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Routes;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>A new route never starts on a pool with no enabled backend, and the picker marks such pools.</summary>
public sealed class RouteFormPoolPickerTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task A_new_route_starts_on_the_first_pool_with_an_enabled_backend_or_on_none_and_empty_pools_are_marked()
    {
        var (empty, drained, ready) = (UniqueName("a-empty"), UniqueName("b-drained"), UniqueName("c-ready"));
        await CreatePoolAsync(empty);
        await CreatePoolAsync(drained, new BackendSpec { Address = "http://127.0.0.1:9001", Enabled = false });
        await SignInAsync();
        var popovers = Render<MudPopoverProvider>();

        var withoutUsable = Render<RouteForm>();
        Assert.Equal("", withoutUsable.Find("#target-0-pool").GetAttribute("value") ?? "");
        withoutUsable.Dispose();

        await CreatePoolAsync(ready, new BackendSpec { Address = "http://127.0.0.1:9002" });
        var form = Render<RouteForm>();
        Assert.Equal(ready, form.Find("#target-0-pool").GetAttribute("value"));

        var select = form.FindComponents<MudSelect<string>>().First(s => s.FindAll("#target-0-pool").Count > 0);
        await form.InvokeAsync(select.Instance.OpenMenu);
        popovers.WaitForAssertion(() => Assert.Equal(
            [$"{empty}{PoolChoice.EmptyMark}", $"{drained}{PoolChoice.EmptyMark}", ready],
            popovers.FindAll(".mud-list-item").Select(i => i.TextContent.Trim())));

        // Every pool with a backend is taken: the next target starts on none rather than an empty pool.
        await form.InvokeAsync(() => form.Find("[data-testid=add-target]").Click());
        Assert.Equal("", form.Find("#target-1-pool").GetAttribute("value") ?? "");
    }

    private async Task CreatePoolAsync(string name, params BackendSpec[] backends) =>
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = name, Backends = backends }, "test")).Succeeded);
}
