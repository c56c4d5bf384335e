using System.Net;
using Appliance.Data.Cluster;
using Appliance.Engine.AccessLogging;
using Appliance.Engine.AccessLogging.Viewer;
using Appliance.Web.Components.Pages.AccessLog;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.AccessLog;

public sealed class AccessLogPageTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly RecentRequests _ring = new(new AccessLogOptions { ViewerCapacity = 100 });

    public AccessLogPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new NodeIdentity("node-a"));
    }

    [Fact]
    public async Task The_filters_narrow_the_rows_and_a_field_it_cannot_read_says_what_the_api_says()
    {
        Add("r1", 200, "/api/users", "10.0.0.1");
        Add("r2", 404, "/api/missing", "10.0.0.2");
        Add("r3", 503, "/shop/cart", "192.0.2.7");
        var page = RenderPage();
        Assert.Equal(new[] { "r3", "r2", "r1" }, Rows(page));
        Assert.Contains("node-a", page.Find("[data-testid=viewer-scope]").TextContent, StringComparison.Ordinal);

        await Type(page, "#log-path", "/api/*");
        page.WaitForAssertion(() => Assert.Equal(new[] { "r2", "r1" }, Rows(page)), Patience);

        await Type(page, "#log-status", "4xx");
        page.WaitForAssertion(() => Assert.Equal(new[] { "r2" }, Rows(page)), Patience);

        // A range it cannot read: the API's own message under the field, and the rows stay.
        await Type(page, "#log-client", "10.0.0.0/33");
        var expected = AccessLogFilterParser.Parse(new AccessLogFilterText(Client: "10.0.0.0/33"), DateTimeOffset.UtcNow).Errors[AccessLogFields.Client].Single();
        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("[data-testid=log-filters]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal(new[] { "r2" }, Rows(page));

        await Type(page, "#log-client", "10.0.0.0/24");
        await Type(page, "#log-status", "");
        page.WaitForAssertion(() => Assert.Equal(new[] { "r2", "r1" }, Rows(page)), Patience);
        Assert.DoesNotContain(expected, page.Find("[data-testid=log-filters]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_follows_new_requests_until_paused_counts_them_while_paused_and_shows_them_on_resume()
    {
        var page = RenderPage();
        Assert.NotEmpty(page.FindAll("[data-testid=log-empty]"));

        Add("live", 200, "/live", "10.0.0.1");
        page.WaitForAssertion(() => Assert.Equal(new[] { "live" }, Rows(page)), Patience);

        await page.InvokeAsync(() => page.Find("[data-testid=tail-toggle]").Click());
        page.WaitForAssertion(() => Assert.Contains("Resume", page.Find("[data-testid=tail-toggle]").TextContent, StringComparison.Ordinal), Patience);
        Add("held-back", 500, "/later", "10.0.0.1");
        Add("held-back-too", 200, "/later", "10.0.0.1");

        // A tick came after both (it counted them), and the table did not move.
        page.WaitForAssertion(() => Assert.Contains("2 new requests since", page.Find("[data-testid=tail-state]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal(new[] { "live" }, Rows(page));

        await page.InvokeAsync(() => page.Find("[data-testid=tail-toggle]").Click());
        page.WaitForAssertion(() => Assert.Equal(new[] { "held-back-too", "held-back", "live" }, Rows(page)), Patience);
        Assert.Contains("Live", page.Find("[data-testid=tail-state]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Pause", page.Find("[data-testid=tail-toggle]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_shows_the_hours_total_status_classes_and_the_busiest_paths_and_clients()
    {
        Add("a", 200, "/popular", "10.0.0.1");
        Add("b", 200, "/popular", "10.0.0.1");
        Add("c", 404, "/rare", "10.0.0.2");

        var summary = RenderPage().Find("[data-testid=log-summary]");

        Assert.Equal("3 requests in the last 60 minutes", summary.QuerySelector("[data-testid=summary-total]")!.TextContent);
        Assert.Equal("2xx: 2", summary.QuerySelector("[data-status-class='2xx']")!.TextContent.Trim());
        Assert.Equal("4xx: 1", summary.QuerySelector("[data-status-class='4xx']")!.TextContent.Trim());
        Assert.Equal("5xx: 0", summary.QuerySelector("[data-status-class='5xx']")!.TextContent.Trim());
        Assert.Equal(new[] { "/popular", "/rare" }, summary.QuerySelectorAll("[data-testid=top-paths] tr[data-top]").Select(r => r.GetAttribute("data-top")));
        Assert.Equal("2", summary.QuerySelector("[data-testid=top-paths] tr[data-top='/popular'] td:last-child")!.TextContent);
        Assert.Equal(new[] { "10.0.0.1", "10.0.0.2" }, summary.QuerySelectorAll("[data-testid=top-clients] tr[data-top]").Select(r => r.GetAttribute("data-top")));
    }

    [Fact]
    public void A_node_with_the_viewer_off_says_so()
    {
        Services.AddSingleton(new AccessLogReader(new RecentRequests(new AccessLogOptions { ViewerCapacity = 0 }), TimeProvider.System));

        var page = Render<AccessLogPage>();

        Assert.Contains("ViewerCapacity", page.Find("[data-testid=viewer-off]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=log-empty]"));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable; xunit calls this before Dispose.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private IRenderedComponent<AccessLogPage> RenderPage()
    {
        Services.AddSingleton(new AccessLogReader(_ring, TimeProvider.System));
        return Render<AccessLogPage>();
    }

    private void Add(string id, int status, string path, string client) =>
        _ring.Add(new RecentRequest(0, DateTimeOffset.UtcNow, id, IPAddress.Parse(client), "site.test", "GET", path, status, 10, 1.5, "web", "web", "http://127.0.0.1:9001"));

    // The live tail re-renders on its own timer, so an element found outside the renderer's
    // dispatcher can lose its handler before the event reaches it; find and fire in one turn.
    private static Task Type(IRenderedComponent<AccessLogPage> page, string selector, string value) =>
        page.InvokeAsync(() => page.Find(selector).Input(value));

    private static string?[] Rows(IRenderedComponent<AccessLogPage> page) =>
        page.FindAll("tr[data-log-request]").Select(r => r.GetAttribute("data-log-request")).ToArray();
}
