using System.Net.Http.Json;
using Appliance.Engine.Warnings;
using Appliance.Web.Components.Warnings;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Warnings;

/// <summary>The dashboard's warnings card: each warning names its object and links to its page, and the card follows changes live.</summary>
[Collection(LivePages.Name)]
public sealed class SetupWarningsCardTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task An_empty_pool_and_its_route_are_listed_with_links_to_their_pages_until_the_pool_gets_a_backend()
    {
        var (pool, route) = (UniqueName("empty"), UniqueName("broken"));
        await PostAsync("/api/v1/pools", new { name = pool, backends = Array.Empty<object>() });
        await PostAsync("/api/v1/routes", new { name = route, path = $"/{route}", targets = new[] { new { pool } } });
        await Host.WaitForLiveConfigAsync();

        var card = Render<SetupWarningsCard>();

        var poolWarning = card.WaitForElement($"[data-setup-warning='{SetupWarningKinds.PoolWithoutEnabledBackend}'][data-object='{pool}']");
        Assert.Contains($"Pool '{pool}' has no backends", poolWarning.TextContent, StringComparison.Ordinal);
        Assert.Equal("/pools", poolWarning.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"pool {pool} on the Pools page", poolWarning.QuerySelector("a")!.TextContent.Trim());
        var routeWarning = card.Find($"[data-setup-warning='{SetupWarningKinds.RouteWithoutEnabledBackend}'][data-object='{route}']");
        Assert.Equal("/routes", routeWarning.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("mud-alert-text-warning", routeWarning.ClassName, StringComparison.Ordinal);
        Assert.NotNull(routeWarning.QuerySelector("svg"));

        using var added = await Host.Api.PutAsJsonAsync($"/api/v1/pools/{pool}", new { name = pool, backends = new[] { new { address = "http://127.0.0.1:9001" } } });
        added.EnsureSuccessStatusCode();

        card.WaitForAssertion(() => Assert.Empty(card.FindAll($"[data-object='{pool}'], [data-object='{route}']")), TimeSpan.FromSeconds(15));
    }
}
