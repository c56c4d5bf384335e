using Appliance.Engine.Routing.Testing;
using Appliance.Web.Components.Pages.Routes;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>
/// The Routes page's "Test a request" button opens the tester in a dialog over the page, and the
/// dialog's answer names the error page behind the appliance's own status and a TLS passthrough.
/// </summary>
[Collection(LivePages.Name)]
public sealed class RoutesPageTesterDialogTests : HostedFormContext
{
    public RoutesPageTesterDialogTests(ApplianceHost host)
        : base(host) => Services.AddSingleton(host.App.Services.GetRequiredService<RouteTester>());

    [Fact]
    public async Task The_button_opens_the_tester_whose_answer_names_the_routes_own_error_page()
    {
        var (pool, route, list, page) = (UniqueName("pool"), UniqueName("route"), UniqueName("deny"), UniqueName("page"));
        var hostName = $"{route}.dialog.test";
        await PostAsync("/api/v1/pools", new { name = pool, backends = new[] { new { address = $"http://127.0.0.1:{Ports.Unused()}" } } });
        await PostAsync("/api/v1/access-lists", new { name = list, defaultAction = "Deny" });
        await PostAsync("/api/v1/routes", new { name = route, hosts = new[] { hostName }, path = "/", accessList = list, targets = new[] { new { pool, weight = 1 } } });
        await PostAsync("/api/v1/error-pages", new { name = page, status = 403, route, html = "<p>go away</p>" });
        await Host.WaitForLiveConfigAsync();
        var dialogs = Render<MudDialogProvider>();
        var routes = Render<RoutesPage>();

        Assert.Empty(dialogs.FindAll("#test-url"));
        await routes.InvokeAsync(() => routes.Find("[data-testid=test-route]").Click());
        dialogs.WaitForElement("#test-url");
        Assert.Contains("Which route takes this request?", dialogs.Markup, StringComparison.Ordinal);

        await RunAsync(dialogs, $"http://{hostName}/x");
        dialogs.WaitForAssertion(() => Assert.Equal(route, dialogs.Find("[data-testid=route-test-route]").TextContent));
        Assert.Contains("Denied (403)", dialogs.Find("[data-testid=route-test-outcome]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"the route's own 403 page {page}", dialogs.Find("[data-testid=route-test-error-page]").TextContent);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=close-route-test]").Click());
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#test-url")));
    }

    [Fact]
    public async Task An_https_url_on_a_passthrough_streams_name_is_shown_as_passed_through()
    {
        var (pool, stream) = (UniqueName("pool"), UniqueName("stream"));
        var hostName = $"{stream}.sni.test";
        await PostAsync("/api/v1/pools", new { name = pool, backends = new[] { new { address = $"http://127.0.0.1:{Ports.Unused()}" } } });
        await PostAsync("/api/v1/streams", new { name = stream, sniHosts = new[] { hostName }, pool });
        await Host.WaitForLiveConfigAsync();
        var dialogs = Render<MudDialogProvider>();
        var routes = Render<RoutesPage>();
        await routes.InvokeAsync(() => routes.Find("[data-testid=test-route]").Click());
        dialogs.WaitForElement("#test-url");

        await RunAsync(dialogs, $"https://{hostName}/x");

        dialogs.WaitForAssertion(() => Assert.Contains("Passed through (TLS)", dialogs.Find("[data-testid=route-test-outcome]").TextContent, StringComparison.Ordinal));
        var passthrough = dialogs.Find("[data-testid=route-test-passthrough]").TextContent;
        Assert.Contains($"stream {stream}", passthrough, StringComparison.Ordinal);
        Assert.Contains($"pool {pool}", passthrough, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll("[data-testid=route-test-route]"));
    }

    private static async Task RunAsync(IRenderedComponent<MudDialogProvider> dialogs, string url)
    {
        await dialogs.InvokeAsync(() => dialogs.Find("#test-url").Change(url));
        await dialogs.InvokeAsync(() => dialogs.Find("#test-client-ip").Change("198.51.100.7"));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=run-route-test]").Click());
    }
}
