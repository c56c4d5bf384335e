using System.Net.Http.Json;
using Appliance.Engine.Warnings;
using Appliance.Web.Components.Pages.Routes;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>The routes page shows each route's warnings beside it, and follows them without a reload.</summary>
[Collection(LivePages.Name)]
public sealed class RoutesPageWarningsTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task A_route_to_a_pool_without_an_enabled_backend_is_marked_until_the_pool_gets_one()
    {
        var (pool, route, fine) = (UniqueName("empty"), UniqueName("broken"), UniqueName("fine"));
        await PostAsync("/api/v1/pools", new { name = pool, backends = new[] { new { address = "http://127.0.0.1:9001", enabled = false } } });
        await PostAsync("/api/v1/routes", new { name = route, path = $"/{route}", targets = new[] { new { pool } } });
        await PostAsync("/api/v1/pools", new { name = fine, backends = new[] { new { address = "http://127.0.0.1:9001" } } });
        await PostAsync("/api/v1/routes", new { name = fine, path = $"/{fine}", targets = new[] { new { pool = fine } } });
        await Host.WaitForLiveConfigAsync();

        var page = Render<RoutesPage>();

        var warning = page.WaitForElement($"[data-route='{route}'] [data-object-warning='{SetupWarningKinds.RouteWithoutEnabledBackend}']");
        Assert.StartsWith("no enabled backend", warning.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"Route '{route}' has no backend in rotation, so its requests get 503: pool '{pool}' has no enabled backend (its one backend is drained).", warning.GetAttribute("title"));
        Assert.Contains(warning.GetAttribute("title")!, warning.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll($"[data-route='{fine}'] [data-object-warning]"));

        using var enabled = await Host.Api.PutAsJsonAsync($"/api/v1/pools/{pool}", new { name = pool, backends = new[] { new { address = "http://127.0.0.1:9001" } } });
        enabled.EnsureSuccessStatusCode();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-route='{route}'] [data-object-warning]")), TimeSpan.FromSeconds(15));
    }
}
