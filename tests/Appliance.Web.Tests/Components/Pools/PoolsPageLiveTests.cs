using Appliance.Engine.Warnings;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Pools;

/// <summary>
/// The pools page follows the backends' health and uptime without a reload, says each state in a
/// word and an icon beside its colour, and marks a pool without an enabled backend.
/// </summary>
[Collection(LivePages.Name)]
public sealed class PoolsPageLiveTests(ApplianceHost host) : HostedFormContext(host)
{

    [Fact]
    public async Task A_backend_failing_its_probes_turns_unhealthy_in_word_icon_and_colour_and_its_uptime_falls_without_a_reload()
    {
        await using var backend = await TestBackend.StartAsync("pools-live");
        var name = UniqueName("live");
        await PostAsync("/api/v1/pools", new
        {
            name,
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = new[] { new { address = backend.Address } },
        });
        await Host.WaitForLiveConfigAsync();
        var page = Render<Appliance.Web.Components.Pages.Pools.Pools>();
        var chip = $"[data-backend='{backend.Address}']";

        page.WaitForAssertion(() => Assert.Equal("Healthy", page.Find(chip).GetAttribute("data-health")), TimeSpan.FromSeconds(15));
        Assert.EndsWith("· Healthy", page.Find(chip).TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-success", page.Find(chip).ClassName, StringComparison.Ordinal);
        Assert.NotNull(page.Find(chip).QuerySelector("svg"));
        page.WaitForAssertion(() => Assert.Equal("24 h 100 %", page.Find($"[data-uptime='{backend.Address}'] [data-window='24h']").TextContent), TimeSpan.FromSeconds(30));

        backend.Healthy = false;

        page.WaitForAssertion(() => Assert.Equal("Unhealthy", page.Find(chip).GetAttribute("data-health")), TimeSpan.FromSeconds(15));
        Assert.EndsWith("· Unhealthy", page.Find(chip).TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-error", page.Find(chip).ClassName, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.NotEqual("24 h 100 %", page.Find($"[data-uptime='{backend.Address}'] [data-window='24h']").TextContent), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_drainedbackend_says_so_and_its_pool_is_marked_as_having_no_enabledbackend()
    {
        await using var backend = await TestBackend.StartAsync("pools-drained");
        var (drained, serving) = (UniqueName("drained"), UniqueName("serving"));
        await PostAsync("/api/v1/pools", new { name = drained, backends = new[] { new { address = backend.Address, enabled = false } } });
        await PostAsync("/api/v1/pools", new { name = serving, backends = new[] { new { address = backend.Address } } });
        await Host.WaitForLiveConfigAsync();

        var page = Render<Appliance.Web.Components.Pages.Pools.Pools>();

        var row = page.WaitForElement($"td[data-pool='{drained}']").ParentElement!;
        var chip = row.QuerySelector($"[data-backend='{backend.Address}']")!;
        Assert.EndsWith("· drained", chip.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-warning", chip.ClassName, StringComparison.Ordinal);
        var warning = page.Find($"td[data-pool='{drained}'] [data-object-warning='{SetupWarningKinds.PoolWithoutEnabledBackend}']");
        Assert.Equal($"Pool '{drained}' has no enabled backend (its one backend is drained): nothing sent to it can reach a backend.", warning.GetAttribute("title"));
        Assert.Empty(page.FindAll($"td[data-pool='{serving}'] [data-object-warning]"));
    }
}
