using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Routes;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>The route form's conditions and rewrite/redirect sections: they save what they show and show the store's messages by field.</summary>
public sealed class RouteRulesFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>, IAsyncLifetime
{
    private string _pool = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        _pool = UniqueName("rules");
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = _pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task Conditions_added_in_the_form_are_saved_with_their_modes_and_values()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("beta");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        OpenSection(form, "conditions-section");
        form.Find("[data-testid=add-headers]").Click();
        form.WaitForElement("#headers-0-name").Change("X-Beta");
        form.Find("#headers-0-values").Change("1\n2");
        form.Find("[data-testid=add-query]").Click();
        form.WaitForElement("#query-0-name").Change("variant");
        form.Find("#query-0-values").Change("b");
        await SelectModeAsync(form, 1, MatchModes.Prefix);
        form.Find("[data-testid=add-cookies]").Click();
        form.WaitForElement("#cookies-0-name").Change("beta");
        await SelectModeAsync(form, 2, MatchModes.NotExists);
        Assert.Empty(form.FindAll("#cookies-0-values"));
        form.Find("#route-rewrite").Change("/v2");
        form.Find("[data-testid=save]").Click();

        var saved = await WaitForRouteAsync(form, name);
        Assert.Equal(("X-Beta", MatchModes.Exact), (saved.Headers.Single().Name, saved.Headers.Single().Mode));
        Assert.Equal(["1", "2"], saved.Headers.Single().Values);
        Assert.Equal(MatchModes.NotExists, saved.Cookies.Single().Mode);
        Assert.Equal((MatchModes.Prefix, "b"), (saved.Query.Single().Mode, saved.Query.Single().Values.Single()));
        Assert.Equal("/v2", saved.RewritePath);
    }

    [Fact]
    public async Task A_bad_condition_name_and_empty_values_get_messages_next_to_their_fields()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("badcond");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        OpenSection(form, "conditions-section");
        form.Find("[data-testid=add-headers]").Click();
        form.WaitForElement("#headers-0-name").Change("X Beta");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("is not a valid name", form.Markup, StringComparison.Ordinal);
            Assert.Contains("Exact needs between 1 and 16 values.", form.Markup, StringComparison.Ordinal);
        });
        Assert.Null(await Database.Store.Routes.GetAsync(name));
    }

    [Fact]
    public async Task A_redirect_replaces_the_targets_and_a_foreign_location_is_refused_by_field()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("moved");
        var form = Render<RouteForm>();

        form.Find("#route-name").Change(name);
        OpenSection(form, "rewrite-section");
        form.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.Label!.StartsWith("Answer with a redirect", StringComparison.Ordinal)).Find("input").Change(true);
        Assert.Empty(form.FindAll("#target-0-pool"));
        form.WaitForElement("#route-redirect-location").Change("//evil.example/{path}");
        form.Find("[data-testid=save]").Click();
        form.WaitForAssertion(() => Assert.Contains("absolute http:// or https:// URL, or a path", form.Markup, StringComparison.Ordinal));
        Assert.Null(await Database.Store.Routes.GetAsync(name));

        form.Find("#route-redirect-location").Change("https://new.example.com{path}");
        form.Find("[data-testid=save]").Click();

        var saved = await WaitForRouteAsync(form, name);
        Assert.Empty(saved.Targets);
        Assert.Equal(new RedirectSpec { Location = "https://new.example.com{path}", Status = 302, KeepQuery = true }, saved.Redirect);
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

    private static async Task SelectModeAsync(IRenderedComponent<RouteForm> form, int index, string mode)
    {
        var select = form.FindComponents<MudSelect<string>>().Where(s => s.Instance.Label == "Mode").ElementAt(index);
        await form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(mode));
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
