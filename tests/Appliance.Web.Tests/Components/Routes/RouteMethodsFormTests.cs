using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Routes;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>The route form takes any method the API takes: the common ones as check boxes, TRACE typed in; others get the store's message.</summary>
public sealed class RouteMethodsFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>, IAsyncLifetime
{
    private string _pool = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        _pool = UniqueName("web");
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = _pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test")).Succeeded);
        await SignInAsync();
        RenderPopoverHost();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task A_method_without_a_check_box_is_typed_in_and_one_left_typed_is_saved_too()
    {
        var name = UniqueName("trace");
        RouteSpec? saved = null;
        var form = Render<RouteForm>(p => p.Add(f => f.Saved, (RouteSpec r) => saved = r));
        form.Find("#route-name").Change(name);
        form.Find("[data-testid=methods] input[type=checkbox]").Change(true);

        form.Find("#route-method-input").Input("trace");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(["GET", "TRACE"], (await Database.Store.Routes.GetAsync(name))!.Methods);
    }

    [Fact]
    public async Task An_extension_method_the_router_cannot_match_gets_the_stores_message_and_nothing_is_saved()
    {
        var name = UniqueName("dav");
        var form = Render<RouteForm>();
        form.Find("#route-name").Change(name);

        form.Find("#route-method-input").Input("propfind");
        form.Find("#route-method-input").KeyUp(new KeyboardEventArgs { Key = "Enter" });
        form.WaitForAssertion(() => Assert.Single(form.FindAll("[data-method='PROPFIND']")));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Contains("A route cannot match 'PROPFIND' by name", form.Find("[data-testid=methods]").ParentElement!.TextContent));
        Assert.Null(await Database.Store.Routes.GetAsync(name));
    }

    [Fact]
    public async Task A_typed_method_that_is_no_token_gets_the_stores_message_and_its_chip_removes_it()
    {
        var name = UniqueName("odd");
        RouteSpec? saved = null;
        var form = Render<RouteForm>(p => p.Add(f => f.Saved, (RouteSpec r) => saved = r));
        form.Find("#route-name").Change(name);

        form.Find("#route-method-input").Input("get2");
        form.Find("#route-method-input").KeyUp(new KeyboardEventArgs { Key = "Enter" });
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Contains("'GET2' is not an HTTP method.", form.Find("[data-testid=methods]").ParentElement!.TextContent));
        Assert.Null(await Database.Store.Routes.GetAsync(name));

        form.Find("[data-method='GET2'] button").Click();
        form.Find("[data-testid=save]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Empty((await Database.Store.Routes.GetAsync(name))!.Methods);
    }

    [Fact]
    public async Task A_stored_route_with_an_unusual_method_keeps_it_when_saved_unchanged()
    {
        var name = UniqueName("trace");
        Assert.True((await Database.Store.Routes.CreateAsync(new RouteSpec { Name = name, Path = "/cache", Methods = ["TRACE"], Targets = [new TargetSpec { Pool = _pool }] }, "test")).Succeeded);
        var route = await Database.Store.Routes.GetAsync(name);
        RouteSpec? saved = null;
        var form = Render<RouteForm>(p => p.Add(f => f.Route, route).Add(f => f.Saved, (RouteSpec r) => saved = r));

        Assert.Single(form.FindAll("[data-method='TRACE']"));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(["TRACE"], (await Database.Store.Routes.GetAsync(name))!.Methods);
    }
}
