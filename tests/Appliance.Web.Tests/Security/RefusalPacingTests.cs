using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

/// <summary>
/// A client that keeps drawing a rate limit's 429 gets it at once only so many times (2 here), then
/// each after a wait (1.5 s here), as a flood tool that ignores Retry-After does; another client of
/// the same limit is not held back, and a refusal that waited is still a 429 with Retry-After.
/// </summary>
public sealed partial class RefusalPacingTests(RefusalPacingTests.Host host) : IClassFixture<RefusalPacingTests.Host>
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public async Task Refusals_past_the_allowance_wait_other_clients_do_not()
    {
        var flooder = IPAddress.Parse("127.0.0.101");
        Assert.Equal(200, (await GetAsync(flooder)).Status);
        var before = await DelayedAsync();
        Assert.Equal(429, (await GetAsync(flooder)).Status);
        Assert.Equal(429, (await GetAsync(flooder)).Status);
        Assert.Equal(before, await DelayedAsync());

        var clock = Stopwatch.StartNew();
        var third = await GetAsync(flooder);
        Assert.Equal(429, third.Status);
        Assert.Contains("Retry-After:", third.Response, StringComparison.OrdinalIgnoreCase);
        Assert.True(clock.Elapsed >= Delay / 2 - TimeSpan.FromMilliseconds(100), $"the third refusal came after {clock.ElapsedMilliseconds} ms, not after half the delay at least");
        Assert.Equal(before + 1, await DelayedAsync());

        Assert.Equal(200, (await GetAsync(IPAddress.Parse("127.0.0.102"))).Status);
        Assert.Equal(before + 1, await DelayedAsync());
    }

    private Task<(int Status, string Response)> GetAsync(IPAddress source) =>
        SourceBoundHttp.SendAsync(source, host.ProxyAddress, "GET", "/", "limited.test");

    private async Task<long> DelayedAsync()
    {
        using var scraper = new HttpClient { BaseAddress = host.Api.BaseAddress };
        return long.Parse(DelayedCount().Match(await scraper.GetStringAsync("/metrics")).Groups[1].Value);
    }

    [GeneratedRegex("(?m)^appliance_refusals_delayed_total (\\d+)$")]
    private static partial Regex DelayedCount();

    /// <summary>One backend behind a route limited to one request a minute per client; two refusals at once, then 1.5 s each.</summary>
    public sealed class Host : ApplianceHost
    {
        private TestBackend _backend = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:RefusalPacing:RefusalsBeforeDelay"] = "2",
            ["Appliance:Proxy:RefusalPacing:DelayMilliseconds"] = "1500",
            ["Appliance:Proxy:RefusalPacing:RepeatWindowSeconds"] = "600",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _backend = await TestBackend.StartAsync("backend");
            await AddPoolAsync(new { name = "backend", backends = new[] { new { address = _backend.Address } } });
            using var limit = await Api.PostAsJsonAsync("/api/v1/rate-limits", new { name = "one-a-minute", permits = 1, periodSeconds = 60, burst = 1 });
            limit.EnsureSuccessStatusCode();
            await AddRouteAsync(new { name = "limited", hosts = new[] { "limited.test" }, targets = new[] { new { pool = "backend", weight = 1 } }, rateLimit = "one-a-minute" });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await _backend.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
