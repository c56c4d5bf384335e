using Appliance.Data.Model;
using Appliance.Web.Components.Pages.ErrorPages;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.ErrorPages;

/// <summary>The error page form and page: saved through the store, the API's messages by field, a sandboxed live preview, and read-only for Viewers.</summary>
public sealed class ErrorPageFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>, IAsyncLifetime
{
    private string _route = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        var pool = UniqueName("pages");
        _route = UniqueName("shop");
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test");
        await Database.Store.Routes.CreateAsync(new RouteSpec { Name = _route, Path = "/shop", Targets = [new TargetSpec { Pool = pool, Weight = 1 }] }, "test");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task A_page_added_in_the_form_is_saved_for_its_route_and_status()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("down");
        var form = Render<ErrorPageForm>(p => p.Add(f => f.Routes, [_route]));

        form.Find("#page-name").Change(name);
        await SelectAsync(form, "Status", 502);
        var route = form.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Route");
        await form.InvokeAsync(() => route.Instance.ValueChanged.InvokeAsync(_route));
        // Typed, then Save pressed at once: the field hands over every keystroke, nothing waits.
        form.Find("#page-html").Input("<h1>{status}: we are on it</h1>");
        form.Find("[data-testid=save-page]").Click();

        var saved = await WaitForPageAsync(form, name);
        Assert.Equal((502, _route, "<h1>{status}: we are on it</h1>"), (saved.Status, saved.Route, saved.Html));
    }

    [Fact]
    public async Task The_preview_is_a_sandbox_without_scripts_with_the_placeholders_filled_and_escaped()
    {
        await SignInAsync();
        RenderPopoverHost();
        var form = Render<ErrorPageForm>();

        form.Find("#page-html").Input("<title>{status} {reason}</title><p>{request_id}</p><script>alert(1)</script>");

        form.WaitForAssertion(() =>
        {
            var frame = form.Find("iframe[data-testid=error-page-preview]");
            Assert.Equal("", frame.GetAttribute("sandbox"));
            Assert.Equal($"<title>503 Service Unavailable</title><p>{ErrorPagePreview.SampleRequestId}</p><script>alert(1)</script>", frame.GetAttribute("srcdoc"));
        });
        Assert.DoesNotContain("allow-scripts", form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stores_messages_appear_next_to_their_fields()
    {
        await SignInAsync();
        RenderPopoverHost();
        var taken = UniqueName("taken");
        Assert.True((await Database.Store.ErrorPages.CreateAsync(new ErrorPageSpec { Name = taken, Status = 504, Route = _route, Html = "x" }, "test")).Succeeded);
        var name = UniqueName("second");
        var form = Render<ErrorPageForm>(p => p.Add(f => f.Routes, [_route]));

        form.Find("#page-name").Change(name);
        await SelectAsync(form, "Status", 504);
        var route = form.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Route");
        await form.InvokeAsync(() => route.Instance.ValueChanged.InvokeAsync(_route));
        form.Find("#page-html").Input(" ");
        form.Find("[data-testid=save-page]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains($"already has a 504 page: '{taken}'", form.Markup, StringComparison.Ordinal);
            Assert.Contains("The page's HTML is required.", form.Markup, StringComparison.Ordinal);
        });
        Assert.Null(await Database.Store.ErrorPages.GetAsync(name));
    }

    [Fact]
    public async Task The_page_lists_pages_and_a_viewer_opens_one_read_only()
    {
        var name = UniqueName("listed");
        Assert.True((await Database.Store.ErrorPages.CreateAsync(new ErrorPageSpec { Name = name, Status = 429, Html = "<p>slow down</p>" }, "test")).Succeeded);
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        RenderPopoverHost();
        var page = Render<ErrorPagesPage>();

        page.WaitForElement($"[data-error-page='{name}']");
        Assert.Empty(page.FindAll("[data-testid=error-page-form]"));
        page.Find($"button[aria-label='View error page {name}']").Click();

        page.WaitForElement("[data-testid=error-page-form]");
        Assert.Equal("<p>slow down</p>", page.Find("#page-html").GetAttribute("value"));
        Assert.True(page.Find("#page-html").HasAttribute("readonly"));
        Assert.Empty(page.FindAll("[data-testid=save-page]"));
        Assert.Empty(page.FindAll($"button[aria-label='Delete error page {name}']"));
    }

    [Fact]
    public async Task Deleting_from_the_page_asks_first()
    {
        var name = UniqueName("gone");
        Assert.True((await Database.Store.ErrorPages.CreateAsync(new ErrorPageSpec { Name = name, Status = 403, Html = "x" }, "test")).Succeeded);
        await SignInAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<ErrorPagesPage>();

        page.WaitForElement($"button[aria-label='Delete error page {name}']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains($"Delete '{name}'?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-error-page='{name}']")));
        Assert.Null(await Database.Store.ErrorPages.GetAsync(name));
    }

    private static async Task SelectAsync(IRenderedComponent<ErrorPageForm> form, string label, int value)
    {
        var select = form.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label == label);
        await form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private async Task<ErrorPageSpec> WaitForPageAsync(IRenderedComponent<ErrorPageForm> form, string name)
    {
        ErrorPageSpec? saved = null;
        for (var i = 0; i < 50 && (saved = await Database.Store.ErrorPages.GetAsync(name)) is null; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(saved is not null, form.Markup);
        return saved!;
    }
}
