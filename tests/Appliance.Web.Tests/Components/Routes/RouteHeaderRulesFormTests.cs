using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Routes;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>The route form's header rules and maintenance sections: they save what they show and show the store's messages by field.</summary>
public sealed class RouteHeaderRulesFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>, IAsyncLifetime
{
    private string _pool = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        _pool = UniqueName("headers");
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = _pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task Header_rules_added_in_the_form_are_saved_on_their_side()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("rules");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        OpenSection(form, "header-rules-section");
        form.Find("[data-testid=add-requestHeaders]").Click();
        form.WaitForElement("#requestHeaders-set-0-name").Change("X-Env");
        form.Find("#requestHeaders-set-0-value").Change("prod {client_ip}");
        form.Find("#requestHeaders-remove").Change("X-Debug\n\nCookie");
        form.Find("[data-testid=add-responseHeaders]").Click();
        form.WaitForElement("#responseHeaders-set-0-name").Change("X-Served-By");
        form.Find("#responseHeaders-set-0-value").Change("{request_id}");
        form.Find("#responseHeaders-remove").Change("X-Backend");
        form.Find("[data-testid=save]").Click();

        var saved = await WaitForRouteAsync(form, name);
        Assert.Equal(("X-Env", "prod {client_ip}"), (saved.RequestHeaders.Set.Single().Key, saved.RequestHeaders.Set.Single().Value));
        Assert.Equal(["X-Debug", "Cookie"], saved.RequestHeaders.Remove);
        Assert.Equal("{request_id}", saved.ResponseHeaders.Set["X-Served-By"]);
        Assert.Equal(["X-Backend"], saved.ResponseHeaders.Remove);
    }

    [Fact]
    public async Task A_refused_header_and_a_line_break_in_a_remove_name_get_messages_next_to_their_fields()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("badrules");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        OpenSection(form, "header-rules-section");
        form.Find("[data-testid=add-requestHeaders]").Click();
        form.WaitForElement("#requestHeaders-set-0-name").Change("Connection");
        form.Find("#requestHeaders-set-0-value").Change("close");
        form.Find("#responseHeaders-remove").Change("Cache-Status");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("Connection is a hop-by-hop or framing header", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Cache-Status is the cache", form.Markup, StringComparison.Ordinal);
        });
        Assert.Null(await Database.Store.Routes.GetAsync(name));
    }

    [Fact]
    public async Task Two_rows_setting_one_header_are_refused_before_the_store_is_asked()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("twice");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        OpenSection(form, "header-rules-section");
        form.Find("[data-testid=add-responseHeaders]").Click();
        form.WaitForElement("#responseHeaders-set-0-name").Change("X-A");
        form.Find("#responseHeaders-set-0-value").Change("1");
        form.Find("[data-testid=add-responseHeaders]").Click();
        form.WaitForElement("#responseHeaders-set-1-name").Change("X-A");
        form.Find("#responseHeaders-set-1-value").Change("2");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Contains("X-A is set by two rows; keep one.", form.Markup, StringComparison.Ordinal));
        Assert.Null(await Database.Store.Routes.GetAsync(name));
    }

    [Fact]
    public async Task Maintenance_set_in_the_form_is_saved_and_a_bad_range_is_named_by_its_field()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("maint");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        OpenSection(form, "maintenance-section");
        form.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.Label == "In maintenance").Find("input").Change(true);
        form.Find("#route-maintenance-retry").Change("900");
        form.Find("#route-maintenance-allow").Change("203.0.113.0/24\noffice");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Contains("office' is neither an address nor a CIDR range", form.Markup, StringComparison.Ordinal));
        Assert.Null(await Database.Store.Routes.GetAsync(name));

        form.Find("#route-maintenance-allow").Change("203.0.113.0/24\n2001:db8::1");
        form.Find("[data-testid=save]").Click();

        var saved = await WaitForRouteAsync(form, name);
        Assert.True(saved.Maintenance.Enabled);
        Assert.Equal(900, saved.Maintenance.RetryAfterSeconds);
        Assert.Equal(["203.0.113.0/24", "2001:db8::1"], saved.Maintenance.Allow);
    }

    [Fact]
    public async Task A_viewer_sees_the_rules_read_only()
    {
        var name = UniqueName("seen");
        var route = new RouteSpec
        {
            Name = name,
            Targets = [new TargetSpec { Pool = _pool, Weight = 1 }],
            RequestHeaders = new HeaderRulesSpec { Set = new Dictionary<string, string> { ["X-Env"] = "prod" } },
            Maintenance = new MaintenanceSpec { Enabled = true, Allow = ["198.51.100.0/24"] },
        };
        Assert.True((await Database.Store.Routes.CreateAsync(route, "test")).Succeeded);
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        RenderPopoverHost();

        var stored = await Database.Store.Routes.GetAsync(name);
        var form = Render<RouteForm>(p => p.Add(f => f.Route, stored));

        form.WaitForAssertion(() => Assert.Equal("prod", form.Find("#requestHeaders-set-0-value").GetAttribute("value")));
        Assert.True(form.Find("#requestHeaders-set-0-value").HasAttribute("readonly"));
        Assert.Equal("198.51.100.0/24", form.Find("#route-maintenance-allow").GetAttribute("value"));
        Assert.Empty(form.FindAll("[data-testid=add-requestHeaders]"));
        Assert.Empty(form.FindAll("[data-testid=save]"));
    }

    private static void OpenSection(IRenderedComponent<RouteForm> form, string testId)
    {
        // A folded panel renders no fields; its header opens it as a click would, and the panel
        // may render its content a moment later, so the test waits for it.
        var fields = $"[data-testid={testId}] input, [data-testid={testId}] textarea, [data-testid={testId}] button.mud-button-root";
        if (form.FindAll($"[data-testid={testId}] input").Count == 0)
        {
            form.Find($"[data-testid={testId}] .mud-expand-panel-header").Click();
        }

        form.WaitForElement(fields);
    }

    private async Task<RouteSpec> WaitForRouteAsync(IRenderedComponent<RouteForm> form, string name)
    {
        RouteSpec? saved = null;
        for (var i = 0; i < 50 && (saved = await Database.Store.Routes.GetAsync(name)) is null; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(saved is not null, form.Markup);
        return saved!;
    }
}
