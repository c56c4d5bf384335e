using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Routes;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>The route form's Mirroring section: it saves the shadow pool and share it shows, and shows the store's messages by field.</summary>
public sealed class RouteMirrorFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>, IAsyncLifetime
{
    private string _stable = "";
    private string _shadow = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        (_stable, _shadow) = (UniqueName("stable"), UniqueName("shadow"));
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = _stable, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test");
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = _shadow, Backends = [new BackendSpec { Address = "http://127.0.0.1:9002" }] }, "test");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task A_mirror_turned_on_in_the_form_is_saved_with_its_pool_and_share()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("mirrored");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        await PickTargetAsync(form, _stable);
        OpenSection(form);
        Assert.Contains("Mirroring: off", form.Find("[data-testid=mirror-section]").TextContent, StringComparison.Ordinal);
        form.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.Label == "Mirror requests").Find("input").Change(true);
        await PickShadowAsync(form, _shadow);
        form.Find("#route-mirror-percent").Change("2.5");
        form.WaitForAssertion(() => Assert.Contains($"Mirroring: 2.5 % to {_shadow}", form.Find("[data-testid=mirror-section]").TextContent, StringComparison.Ordinal));
        form.Find("[data-testid=save]").Click();

        var saved = await WaitForRouteAsync(form, name);
        Assert.Equal(new MirrorSpec { Pool = _shadow, Percent = 2.5m }, saved.Mirror);
    }

    [Fact]
    public async Task A_target_pool_as_shadow_and_a_share_of_0_get_messages_next_to_their_fields()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("badmirror");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        await PickTargetAsync(form, _stable);
        OpenSection(form);
        form.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.Label == "Mirror requests").Find("input").Change(true);
        await PickShadowAsync(form, _stable);
        form.Find("#route-mirror-percent").Change("0");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains($"Pool '{_stable}' is a target of this route; a mirror needs a pool of its own.", form.Markup, StringComparison.Ordinal);
            Assert.Contains("The share must be more than 0 and at most 100 percent, in steps of 0.01.", form.Markup, StringComparison.Ordinal);
        });
        Assert.Null(await Database.Store.Routes.GetAsync(name));
    }

    [Fact]
    public async Task A_route_turned_into_a_redirect_drops_its_mirror()
    {
        var name = UniqueName("moving");
        await Database.Store.Routes.CreateAsync(new RouteSpec
        {
            Name = name,
            Path = "/" + name,
            Targets = [new TargetSpec { Pool = _stable, Weight = 1 }],
            Mirror = new MirrorSpec { Pool = _shadow, Percent = 50 },
        }, "test");
        await SignInAsync();
        RenderPopoverHost();
        var stored = (await Database.Store.Routes.GetAsync(name))!;
        var form = Render<RouteForm>(p => p.Add(f => f.Route, stored));

        Assert.Contains($"Mirroring: 50 % to {_shadow}", form.Find("[data-testid=mirror-section]").TextContent, StringComparison.Ordinal);
        Assert.Equal("50", form.Find("#route-mirror-percent").GetAttribute("value"));
        OpenSection(form, "rewrite-section");
        form.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.Label!.StartsWith("Answer with a redirect", StringComparison.Ordinal)).Find("input").Change(true);
        Assert.Empty(form.FindAll("[data-testid=mirror-section]"));
        form.WaitForElement("#route-redirect-location").Change("https://new.example.com{path}");
        form.Find("[data-testid=save]").Click();

        await WaitForAsync(async () => (await Database.Store.Routes.GetAsync(name))?.Redirect is not null, form);
        Assert.Null((await Database.Store.Routes.GetAsync(name))!.Mirror);
    }

    [Fact]
    public async Task A_viewer_sees_the_mirror_read_only()
    {
        var name = UniqueName("viewed");
        await Database.Store.Routes.CreateAsync(new RouteSpec
        {
            Name = name,
            Path = "/" + name,
            Targets = [new TargetSpec { Pool = _stable, Weight = 1 }],
            Mirror = new MirrorSpec { Pool = _shadow, Percent = 10 },
        }, "test");
        await SignInAsync("viewer", ApplianceRoles.Viewer);
        RenderPopoverHost();
        var stored = (await Database.Store.Routes.GetAsync(name))!;
        var form = Render<RouteForm>(p => p.Add(f => f.Route, stored));

        Assert.True(form.FindComponents<MudNumericField<decimal>>().Single().Instance.ReadOnly);
        Assert.True(form.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Shadow pool").Instance.ReadOnly);
        Assert.Empty(form.FindAll("[data-testid=save]"));
    }

    private static void OpenSection(IRenderedComponent<RouteForm> form, string testId = "mirror-section")
    {
        // A folded panel renders no fields; its header opens it as a click would.
        if (form.FindAll($"[data-testid={testId}] input").Count == 0)
        {
            form.Find($"[data-testid={testId}] .mud-expand-panel-header").Click();
        }

        form.WaitForElement($"[data-testid={testId}] input");
    }

    private static async Task PickTargetAsync(IRenderedComponent<RouteForm> form, string pool)
    {
        var select = form.FindComponents<MudSelect<string>>().First(s => s.FindAll("#target-0-pool").Count > 0);
        await form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(pool));
    }

    private static async Task PickShadowAsync(IRenderedComponent<RouteForm> form, string pool)
    {
        form.WaitForElement("#route-mirror-pool");
        var select = form.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Shadow pool");
        await form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(pool));
    }

    private async Task<RouteSpec> WaitForRouteAsync(IRenderedComponent<RouteForm> form, string name)
    {
        await WaitForAsync(async () => await Database.Store.Routes.GetAsync(name) is not null, form);
        return (await Database.Store.Routes.GetAsync(name))!;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, IRenderedComponent<RouteForm> form)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, form.Markup);
            await Task.Delay(100);
        }
    }
}
