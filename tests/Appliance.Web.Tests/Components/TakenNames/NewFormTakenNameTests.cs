using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Components.Pages.Alerts;
using Appliance.Web.Components.Pages.Cache;
using Appliance.Web.Components.Pages.ErrorPages;
using Appliance.Web.Components.Pages.Pools;
using Appliance.Web.Components.Pages.Routes;
using Appliance.Web.Components.Pages.Security;
using Appliance.Web.Components.Pages.Streams;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Tests.Components.TakenNames;

/// <summary>
/// Every "new" form, saved under a name that is taken, shows the API's 409 message on its name
/// field and leaves the stored object exactly as it was: a new object never replaces one the form
/// did not show.
/// </summary>
public sealed class NewFormTakenNameTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>, IAsyncLifetime
{
    private string _pool = "";
    private string _channel = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        _pool = UniqueName("pool");
        _channel = UniqueName("channel");
        await CreatedAsync(Database.Store.Pools.CreateAsync(new PoolSpec { Name = _pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test"));
        await CreatedAsync(Database.Store.AlertChannels.CreateAsync(new AlertChannelSpec { Name = _channel, Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/taken" } }, "test"));
        await SignInAsync();
        RenderPopoverHost();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task The_pool_form() =>
        await RefusedAsync<PoolForm, PoolSpec>(Database.Store.Pools,
            new PoolSpec { Name = UniqueName("pool"), LoadBalancing = LoadBalancingPolicyNames.FirstAvailable, Backends = [new BackendSpec { Address = "http://127.0.0.1:9002", Weight = 3 }] },
            "#pool-name", "[data-testid=save]", "A pool");

    [Fact]
    public async Task The_route_form() =>
        await RefusedAsync<RouteForm, RouteSpec>(Database.Store.Routes,
            new RouteSpec { Name = UniqueName("route"), Path = "/kept", Methods = ["GET"], Targets = [new TargetSpec { Pool = _pool }] },
            "#route-name", "[data-testid=save]", "A route");

    [Fact]
    public async Task The_stream_form() =>
        await RefusedAsync<StreamForm, StreamSpec>(Database.Store.Streams,
            new StreamSpec { Name = UniqueName("stream"), SniHosts = [$"{UniqueName("db")}.test"], Pool = _pool, MaxConnections = 7 },
            "#stream-name", "[data-testid=save]", "A stream",
            p => p.Add(f => f.Pools, [_pool]));

    [Fact]
    public async Task The_error_page_form() =>
        await RefusedAsync<ErrorPageForm, ErrorPageSpec>(Database.Store.ErrorPages,
            new ErrorPageSpec { Name = UniqueName("page"), Status = 504, Html = "<p>kept</p>" },
            "#page-name", "[data-testid=save-page]", "An error page");

    [Fact]
    public async Task The_alert_channel_form() =>
        await RefusedAsync<AlertChannelForm, AlertChannelSpec>(Database.Store.AlertChannels,
            new AlertChannelSpec { Name = UniqueName("hook"), Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/kept" } },
            "#channel-name", "[data-testid=save-channel]", "An alert channel");

    [Fact]
    public async Task The_alert_rule_form() =>
        await RefusedAsync<AlertRuleForm, AlertRuleSpec>(Database.Store.AlertRules,
            new AlertRuleSpec { Name = UniqueName("rule"), Events = [AlertEvents.PoolDown], Channels = [_channel], GroupMinutes = 9 },
            "#rule-name", "[data-testid=save-rule]", "An alert rule",
            p => p.Add(f => f.Channels, [_channel]));

    [Fact]
    public async Task The_cache_rule_form() =>
        await RefusedAsync<CacheRuleForm, CacheRuleSpec>(Database.Store.CacheRules,
            new CacheRuleSpec { Name = UniqueName("rule"), Match = "*.css", Mode = CacheModes.DefaultTtl, DefaultTtlSeconds = 60 },
            "#rule-name", "[data-testid=save-rule]", "A cache rule");

    [Fact]
    public async Task The_access_list_form() =>
        await RefusedAsync<AccessListForm, AccessListSpec>(Database.Store.AccessLists,
            new AccessListSpec { Name = UniqueName("list"), DefaultAction = AccessActions.Deny, Rules = [new AccessRuleSpec { Action = AccessActions.Allow, Cidr = "203.0.113.0/24" }] },
            "#list-name", "[data-testid=save-list]", "An access list");

    [Fact]
    public async Task The_rate_limit_form() =>
        await RefusedAsync<RateLimitForm, RateLimitSpec>(Database.Store.RateLimits,
            new RateLimitSpec { Name = UniqueName("limit"), Permits = 3, PeriodSeconds = 60, Burst = 3 },
            "#limit-name", "[data-testid=save-limit]", "A rate limit");

    // The stored object is created through the store as the API would; the form is opened empty, given
    // the taken name and saved as it opened otherwise.
    private async Task RefusedAsync<TForm, TSpec>(ConfigObjects<TSpec> objects, TSpec stored, string nameField, string save, string aNoun,
        Action<ComponentParameterCollectionBuilder<TForm>>? parameters = null)
        where TForm : IComponent
        where TSpec : class
    {
        var name = objects.NameOf(stored);
        await CreatedAsync(objects.CreateAsync(stored, "test"));
        var before = ConfigJson.Serialize(await objects.GetAsync(name));
        var revision = await Database.Store.GetRevisionAsync();

        var form = Render<TForm>(parameters ?? (_ => { }));
        form.Find(nameField).Change(name);
        form.Find(save).Click();

        var message = $"{aNoun} named '{name}' already exists.";
        form.WaitForAssertion(() => Assert.Contains(message, FieldText(form, nameField)));
        Assert.Equal(before, ConfigJson.Serialize(await objects.GetAsync(name)));
        Assert.Equal(revision, await Database.Store.GetRevisionAsync());
    }

    // The text of the MudBlazor field around an input: its label, value and helper or error line.
    private static string FieldText<TForm>(IRenderedComponent<TForm> form, string input)
        where TForm : IComponent =>
        form.Find(input).Closest(".mud-input-control")?.TextContent ?? "";

    private static async Task CreatedAsync<T>(Task<StoreResult<T>> create)
    {
        var result = await create;
        Assert.True(result.Succeeded, $"{result.Detail} {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");
    }
}
