using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Components.Pages.Routes;
using Bunit;

namespace Appliance.Web.Tests.Components.Routes;

public sealed class RouteFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>, IAsyncLifetime
{
    private string _stable = "";
    private string _canary = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        _stable = UniqueName("stable");
        _canary = UniqueName("canary");
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = _stable, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test");
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = _canary, Backends = [new BackendSpec { Address = "http://127.0.0.1:9002" }] }, "test");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task A_new_route_starts_with_one_target_on_a_pool_and_shows_its_share()
    {
        await SignInAsync();
        RenderPopoverHost();
        var form = Render<RouteForm>();

        Assert.NotNull(form.Find("#route-name"));
        Assert.NotNull(form.Find("#route-path"));
        Assert.NotNull(form.Find("#route-host-input"));
        Assert.Equal("100 %", form.Find("[data-share='0']").TextContent);
        Assert.NotEmpty(form.Find("#target-0-pool").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Shares_follow_the_weights_as_they_are_typed()
    {
        await SignInAsync();
        RenderPopoverHost();
        var form = Render<RouteForm>();

        form.Find("#target-0-weight").Input("90");
        form.Find("[data-testid=add-target]").Click();
        form.Find("#target-1-weight").Input("10");

        form.WaitForAssertion(() =>
        {
            Assert.Equal("90 %", form.Find("[data-share='0']").TextContent);
            Assert.Equal("10 %", form.Find("[data-share='1']").TextContent);
        });
    }

    [Fact]
    public async Task Targets_that_add_up_to_0_get_the_stores_message_and_nothing_is_saved()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("zero");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        form.Find("#target-0-weight").Input("0");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Equal("The targets' weights must add up to more than 0.", form.Find("[data-testid=targets-error]").TextContent));
        Assert.Null(await Database.Store.Routes.GetAsync(name));
    }

    [Fact]
    public async Task A_bad_host_and_a_bad_path_get_messages_next_to_their_fields()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("bad");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        form.Find("#route-host-input").Input("exa mple..com");
        form.Find("#route-host-input").Input("bad_host!");
        form.Find("#route-path").Change("api");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() =>
        {
            var text = form.Find("[data-testid=route-form]").TextContent;
            Assert.Contains("'bad_host!' is not a host name; use example.com, *.example.com or host:port.", text);
            Assert.Contains("The path must be a prefix such as / or /api/v1", text);
        });
        Assert.Null(await Database.Store.Routes.GetAsync(name));
    }

    [Fact]
    public async Task Valid_input_with_hosts_methods_a_canary_and_sticky_is_saved_through_the_store()
    {
        await SignInAsync("alice");
        RenderPopoverHost();
        var name = UniqueName("shop");
        RouteSpec? saved = null;
        var form = Render<RouteForm>(p => p.Add(f => f.Saved, (RouteSpec route) => saved = route));

        form.Find("#route-name").Change(name);
        form.Find("#route-host-input").Input("Shop.Example.com");
        form.Find("#route-host-input").KeyUp(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-host='Shop.Example.com']")));
        form.Find("#route-path").Change("/api/");
        form.FindComponents<MudBlazor.MudCheckBox<bool>>().Single(c => c.Instance.Label == "GET").Find("input").Change(true);
        form.Find("#target-0-weight").Input("90");
        form.Find("[data-testid=add-target]").Click();
        form.Find("#target-1-weight").Input("10");
        form.FindComponents<MudBlazor.MudSwitch<bool>>().Single(s => s.Instance.Label!.StartsWith("Sticky", StringComparison.Ordinal)).Find("input").Change(true);
        form.FindComponents<MudBlazor.MudSwitch<bool>>().Single(s => s.Instance.Label == "Redirect HTTP").Find("input").Change(true);
        form.Find("#route-hsts").Change("31536000");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = await Database.Store.Routes.GetAsync(name);
        Assert.NotNull(stored);
        Assert.Equal(["shop.example.com"], stored.Hosts);
        Assert.Equal("/api", stored.Path);
        Assert.Equal(["GET"], stored.Methods);
        Assert.True(stored.Sticky);
        Assert.True(stored.HttpsRedirect);
        Assert.Equal(31536000, stored.HstsMaxAgeSeconds);
        Assert.Equal("off", stored.Tls);
        Assert.Equal(2, stored.Targets.Count);
        Assert.Equal(90, stored.Targets[0].Weight);
        Assert.Equal(10, stored.Targets[1].Weight);
        Assert.NotEqual(stored.Targets[0].Pool, stored.Targets[1].Pool);
    }

    [Fact]
    public async Task Security_headers_a_CSP_and_a_body_limit_are_saved_through_the_store()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("shielded");
        RouteSpec? saved = null;
        var form = Render<RouteForm>(p => p.Add(f => f.Saved, (RouteSpec route) => saved = route));

        form.Find("#route-name").Change(name);
        form.FindComponents<MudBlazor.MudSwitch<bool>>().Single(s => s.Instance.Label!.StartsWith("Security headers", StringComparison.Ordinal)).Find("input").Change(true);
        form.Find("#route-csp").Change("default-src 'self'");
        form.Find("#route-max-body").Change("2097152");
        form.WaitForAssertion(() => Assert.Contains("2 MiB", form.Find("[data-testid=route-form]").TextContent));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = await Database.Store.Routes.GetAsync(name);
        Assert.NotNull(stored);
        Assert.True(stored.SecurityHeaders);
        Assert.Equal("default-src 'self'", stored.ContentSecurityPolicy);
        Assert.Equal(2097152, stored.MaxRequestBodyBytes);
    }

    [Fact]
    public async Task A_bad_CSP_and_a_negative_body_limit_get_the_stores_messages_next_to_their_fields()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("badshield");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        form.Find("#route-csp").Change("default-src 'self'\u0007");
        form.Find("#route-max-body").Change("-1");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("A Content-Security-Policy is at most 4096 printable ASCII characters, on one line.", FieldOf(form, "#route-csp").TextContent);
            Assert.Contains("The largest request body must be between 0 and 16 GiB", FieldOf(form, "#route-max-body").TextContent);
        });
        Assert.Null(await Database.Store.Routes.GetAsync(name));
    }

    // The MudBlazor field around an input: its label, helper and error text.
    private static AngleSharp.Dom.IElement FieldOf(IRenderedComponent<RouteForm> form, string inputSelector) =>
        form.Find(inputSelector).Closest(".mud-input-control")!;

    [Fact]
    public async Task A_viewer_sees_the_form_read_only_without_save()
    {
        var name = UniqueName("ro");
        var route = (await Database.Store.Routes.CreateAsync(new RouteSpec { Name = name, Hosts = ["a.example.com"], Targets = [new TargetSpec { Pool = _stable }] }, "test")).Value!;
        await SignInAsync("victor", ApplianceRoles.Viewer);
        RenderPopoverHost();
        var form = Render<RouteForm>(p => p.Add(f => f.Route, route));

        Assert.NotNull(form.Find("[data-testid=read-only]"));
        Assert.Empty(form.FindAll("[data-testid=save]"));
        Assert.Empty(form.FindAll("[data-testid=add-target]"));
        Assert.Empty(form.FindAll("#route-host-input"));
        Assert.NotNull(form.Find("[data-host='a.example.com']"));
        Assert.True(form.Find("#route-path").HasAttribute("readonly"));
        Assert.True(form.Find("#target-0-weight").HasAttribute("readonly"));
        Assert.True(form.Find("#route-csp").HasAttribute("readonly"));
        Assert.True(form.Find("#route-max-body").HasAttribute("readonly"));
    }

    [Fact]
    public async Task A_form_open_when_its_user_was_deleted_saves_nothing_and_leads_to_sign_in()
    {
        await AddAnotherAdminAsync();
        var me = await SignInAsync(UniqueName("deleted"));
        RenderPopoverHost();
        var name = UniqueName("orphan");
        var form = Render<RouteForm>();

        Assert.True((await Database.Users.DeleteAsync(me.User.Id, Editor.Authorized("test"))).Succeeded);
        form.Find("#route-name").Change(name);
        form.Find("[data-testid=save]").Click();

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        form.WaitForAssertion(() => Assert.Equal("/login", new Uri(navigation.Uri).AbsolutePath));
        Assert.Null(await Database.Store.Routes.GetAsync(name));
    }
}
