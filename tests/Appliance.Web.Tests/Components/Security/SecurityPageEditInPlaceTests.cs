using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Security.Shield;
using Appliance.Web.Components.Pages.Security;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Security;

/// <summary>
/// Access lists and rate limits are edited under their entry and deleted from it, as pools and routes
/// are from their rows. The page re-renders on its own timer, so every find is fired in the same
/// dispatcher turn.
/// </summary>
public sealed class SecurityPageEditInPlaceTests : FormContext, IClassFixture<ConfigDatabase>
{
    public SecurityPageEditInPlaceTests(ConfigDatabase database)
        : base(database)
    {
        Services.AddSingleton(new ProxyOptions());
        Services.AddSingleton(new ShieldLog(TimeProvider.System));
    }

    [Fact]
    public async Task An_access_list_is_edited_under_its_entry_and_only_the_rules_change()
    {
        var name = await ListAsync(new AccessListSpec
        {
            Global = true,
            DefaultAction = AccessActions.Deny,
            DenyAction = AccessActions.Drop,
            Rules = [new AccessRuleSpec { Action = AccessActions.Allow, Cidr = "203.0.113.0/24" }],
        });
        var before = await Database.Store.AccessLists.GetAsync(name);
        var (page, _) = await RenderPageAsync();
        Assert.Contains("New access list", page.Find("[data-testid=access-list-form]").TextContent);

        await page.InvokeAsync(() => page.Find($"button[aria-label='Edit access list {name}']").Click());

        // The form opens under the list, and the "new" form steps aside: one form of the kind at a time.
        var form = page.Find($"[data-editing-access-list='{name}'] [data-testid=access-list-form]");
        Assert.Contains($"Edit access list {name}", form.TextContent);
        Assert.Single(page.FindAll("[data-testid=access-list-form]"));
        Assert.Equal("Allow 203.0.113.0/24", page.Find("#list-rules").GetAttribute("value"));
        await page.InvokeAsync(() => page.Find("#list-rules").Change("deny 192.0.2.0/24"));
        await page.InvokeAsync(() => page.Find("[data-testid=save-list]").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-editing-access-list]"));
            Assert.Contains("New access list", page.Find("[data-testid=access-list-form]").TextContent);
            Assert.Contains("Deny 192.0.2.0/24", page.Find($"[data-access-list='{name}']").NextElementSibling!.TextContent);
        });
        var after = await Database.Store.AccessLists.GetAsync(name);
        Assert.Equal(ConfigJson.Serialize(before! with { Rules = [new AccessRuleSpec { Action = AccessActions.Deny, Cidr = "192.0.2.0/24" }] }), ConfigJson.Serialize(after));
    }

    [Fact]
    public async Task A_rate_limit_is_edited_under_its_entry_and_cancel_changes_nothing()
    {
        var name = UniqueName("login");
        await CreatedAsync(Database.Store.RateLimits.CreateAsync(new RateLimitSpec { Name = name, Permits = 5, PeriodSeconds = 60, Burst = 5, MaxConcurrent = 2 }, "test"));
        var (page, _) = await RenderPageAsync();

        await page.InvokeAsync(() => page.Find($"button[aria-label='Edit rate limit {name}']").Click());
        Assert.Contains($"Edit rate limit {name}", page.Find($"[data-editing-rate-limit='{name}'] [data-testid=rate-limit-form]").TextContent);
        Assert.Single(page.FindAll("[data-testid=rate-limit-form]"));
        await page.InvokeAsync(() => page.Find("#limit-permits").Change("99"));
        await page.InvokeAsync(() => page.Find("[data-testid=cancel-limit]").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-editing-rate-limit]")));
        Assert.Equal(5, (await Database.Store.RateLimits.GetAsync(name))!.Permits);

        await page.InvokeAsync(() => page.Find($"button[aria-label='Edit rate limit {name}']").Click());
        Assert.Equal("5", page.Find("#limit-permits").GetAttribute("value"));
        await page.InvokeAsync(() => page.Find("#limit-permits").Change("42"));
        await page.InvokeAsync(() => page.Find("[data-testid=save-limit]").Click());

        page.WaitForAssertion(() => Assert.Contains("42 per 60 s", page.Find($"[data-rate-limit='{name}']").TextContent));
        Assert.Empty(page.FindAll("[data-editing-rate-limit]"));
        var stored = await Database.Store.RateLimits.GetAsync(name);
        Assert.Equal((42, 60, 5, 2), (stored!.Permits, stored.PeriodSeconds, stored.Burst, stored.MaxConcurrent));
    }

    [Fact]
    public async Task Delete_asks_first_and_removes_the_list_only_when_confirmed()
    {
        var name = await ListAsync(new AccessListSpec());
        var (page, dialogs) = await RenderPageAsync();

        await page.InvokeAsync(() => page.Find($"button[aria-label='Delete access list {name}']").Click());
        await AnswerAsync(dialogs, $"Delete access list '{name}'?", "Cancel");
        Assert.NotNull(await Database.Store.AccessLists.GetAsync(name));

        await page.InvokeAsync(() => page.Find($"button[aria-label='Delete access list {name}']").Click());
        await AnswerAsync(dialogs, $"Delete access list '{name}'?", "Delete");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-access-list='{name}']")));
        Assert.Null(await Database.Store.AccessLists.GetAsync(name));
        Assert.Empty(page.FindAll("[data-testid=page-error]"));
    }

    [Fact]
    public async Task Deleting_the_list_being_edited_closes_its_form_and_brings_the_new_form_back()
    {
        var name = await ListAsync(new AccessListSpec());
        var (page, dialogs) = await RenderPageAsync();
        await page.InvokeAsync(() => page.Find($"button[aria-label='Edit access list {name}']").Click());
        Assert.Contains($"Edit access list {name}", page.Find("[data-testid=access-list-form]").TextContent);

        await page.InvokeAsync(() => page.Find($"button[aria-label='Delete access list {name}']").Click());
        await AnswerAsync(dialogs, $"Delete access list '{name}'?", "Delete");

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-editing-access-list]"));
            Assert.Contains("New access list", page.Find("[data-testid=access-list-form]").TextContent);
        });
        Assert.Null(await Database.Store.AccessLists.GetAsync(name));
    }

    [Fact]
    public async Task Deleting_a_list_or_limit_a_route_still_uses_is_refused_with_the_APIs_message()
    {
        var list = await ListAsync(new AccessListSpec());
        var limit = UniqueName("limit");
        await CreatedAsync(Database.Store.RateLimits.CreateAsync(new RateLimitSpec { Name = limit }, "test"));
        var (pool, route) = (UniqueName("pool"), UniqueName("route"));
        await CreatedAsync(Database.Store.Pools.CreateAsync(new PoolSpec { Name = pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test"));
        await CreatedAsync(Database.Store.Routes.CreateAsync(new RouteSpec { Name = route, Targets = [new TargetSpec { Pool = pool }], AccessList = list, RateLimit = limit }, "test"));
        var (page, dialogs) = await RenderPageAsync();

        await page.InvokeAsync(() => page.Find($"button[aria-label='Delete access list {list}']").Click());
        await AnswerAsync(dialogs, $"Delete access list '{list}'?", "Delete");
        page.WaitForAssertion(() => Assert.Equal($"Access list '{list}' is used by route '{route}'.", page.Find("[data-testid=page-error]").TextContent.Trim()));
        Assert.NotNull(await Database.Store.AccessLists.GetAsync(list));
        Assert.Single(page.FindAll($"[data-access-list='{list}']"));

        await page.InvokeAsync(() => page.Find($"button[aria-label='Delete rate limit {limit}']").Click());
        await AnswerAsync(dialogs, $"Delete rate limit '{limit}'?", "Delete");
        page.WaitForAssertion(() => Assert.Equal($"Rate limit '{limit}' is used by route '{route}'.", page.Find("[data-testid=page-error]").TextContent.Trim()));
        Assert.NotNull(await Database.Store.RateLimits.GetAsync(limit));
    }

    [Fact]
    public async Task The_new_form_on_the_page_shows_a_taken_name_on_its_name_field_and_replaces_nothing()
    {
        var name = await ListAsync(new AccessListSpec { DefaultAction = AccessActions.Deny });
        var (page, _) = await RenderPageAsync();

        await page.InvokeAsync(() => page.Find("#list-name").Change(name));
        await page.InvokeAsync(() => page.Find("[data-testid=save-list]").Click());

        page.WaitForAssertion(() => Assert.Contains($"An access list named '{name}' already exists.", page.Find("#list-name").Closest(".mud-input-control")!.TextContent));
        Assert.Equal(AccessActions.Deny, (await Database.Store.AccessLists.GetAsync(name))!.DefaultAction);
    }

    [Fact]
    public async Task A_viewer_gets_neither_edit_nor_delete_buttons_nor_forms()
    {
        var name = await ListAsync(new AccessListSpec());
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        RenderPopoverHost();

        var page = Render<SecurityPage>();

        Assert.Single(page.FindAll($"[data-access-list='{name}']"));
        Assert.Empty(page.FindAll($"button[aria-label='Edit access list {name}']"));
        Assert.Empty(page.FindAll($"button[aria-label='Delete access list {name}']"));
        Assert.Empty(page.FindAll("[data-testid=access-list-form]"));
    }

    private async Task<(IRenderedComponent<SecurityPage> Page, IRenderedComponent<MudDialogProvider> Dialogs)> RenderPageAsync()
    {
        await SignInAsync();
        RenderPopoverHost();
        var dialogs = Render<MudDialogProvider>();
        return (Render<SecurityPage>(), dialogs);
    }

    private static async Task AnswerAsync(IRenderedComponent<MudDialogProvider> dialogs, string question, string answer)
    {
        dialogs.WaitForAssertion(() => Assert.Contains(question, dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == answer).Click());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain(question, dialogs.Markup));
    }

    private async Task<string> ListAsync(AccessListSpec list)
    {
        var name = UniqueName("list");
        await CreatedAsync(Database.Store.AccessLists.CreateAsync(list with { Name = name }, "test"));
        return name;
    }

    private static async Task CreatedAsync<T>(Task<StoreResult<T>> create)
    {
        var result = await create;
        Assert.True(result.Succeeded, $"{result.Detail} {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");
    }
}
