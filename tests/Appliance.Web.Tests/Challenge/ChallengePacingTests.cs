using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Appliance.Engine.Challenge;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Challenge;

/// <summary>
/// A client that keeps asking for the challenge page gets it at once only so many times in a window
/// (2 here), then each after a wait (1.5 s here), as a flood tool that cannot do the work does; another
/// client's first page does not wait, and a page that waited is a working challenge.
/// </summary>
public sealed partial class ChallengePacingTests(ChallengePacingTests.Host host) : IClassFixture<ChallengePacingTests.Host>
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public async Task Pages_past_the_allowance_wait_other_clients_do_not_and_a_page_that_waited_still_works()
    {
        var flooder = IPAddress.Parse("127.0.0.91");
        var delayedBefore = await DelayedAsync();
        Assert.Equal(403, (await PageAsync(flooder)).Status);
        Assert.Equal(403, (await PageAsync(flooder)).Status);
        Assert.Equal(delayedBefore, await DelayedAsync());

        var clock = Stopwatch.StartNew();
        var third = await PageAsync(flooder);
        Assert.Equal(403, third.Status);
        Assert.True(clock.Elapsed >= Delay / 2 - TimeSpan.FromMilliseconds(100), $"the third page came after {clock.ElapsedMilliseconds} ms, not after half the delay at least");
        Assert.Equal(delayedBefore + 1, await DelayedAsync());

        // Another client's first page is not held back by the flooder's count.
        Assert.Equal(403, (await PageAsync(IPAddress.Parse("127.0.0.92"))).Status);
        Assert.Equal(delayedBefore + 1, await DelayedAsync());

        // The page that waited was sealed when it was sent: its proof passes.
        var form = ChallengeProof.Read(third.Response);
        var counter = ChallengeProof.Solve(form.Token, form.Difficulty);
        var body = $"token={Uri.EscapeDataString(form.Token)}&counter={counter}&return={Uri.EscapeDataString(form.Return)}";
        using var tcp = await SourceBoundHttp.ConnectAsync(flooder, host.ProxyAddress);
        await tcp.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"POST {ChallengePaths.Answer} HTTP/1.1\r\nHost: site.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
        using var reader = new StreamReader(tcp.GetStream(), System.Text.Encoding.Latin1);
        Assert.StartsWith("HTTP/1.1 303", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_client_that_leaves_while_its_page_waits_costs_nothing_more()
    {
        var leaver = IPAddress.Parse("127.0.0.93");
        await PageAsync(leaver);
        await PageAsync(leaver);
        using (var tcp = await SourceBoundHttp.ConnectAsync(leaver, host.ProxyAddress))
        {
            await tcp.GetStream().WriteAsync("GET /guarded/x HTTP/1.1\r\nHost: site.test\r\n\r\n"u8.ToArray());
            await Eventually.TrueAsync(async () => await WaitingAsync() == 1, TimeSpan.FromSeconds(5), "the page to wait");
        }

        await Eventually.TrueAsync(async () => await WaitingAsync() == 0, TimeSpan.FromSeconds(5), "the wait to end with the client gone");
        Assert.Equal(200, (await SourceBoundHttp.SendAsync(IPAddress.Parse("127.0.0.94"), host.ProxyAddress, "GET", "/open/x", "site.test")).Status);
    }

    private Task<(int Status, string Response)> PageAsync(IPAddress source) =>
        SourceBoundHttp.SendAsync(source, host.ProxyAddress, "GET", "/guarded/x", "site.test");

    private async Task<long> DelayedAsync() => long.Parse(DelayedCount().Match(await host.MetricsAsync()).Groups[1].Value);

    private async Task<long> WaitingAsync() => long.Parse(WaitingGauge().Match(await host.MetricsAsync()).Groups[1].Value);

    [GeneratedRegex("(?m)^appliance_challenge_total\\{result=\"delayed\"\\} (\\d+)$")]
    private static partial Regex DelayedCount();

    [GeneratedRegex("(?m)^appliance_challenge_waiting (\\d+)$")]
    private static partial Regex WaitingGauge();

    /// <summary>One backend behind a route that always challenges and one that never does; two pages at once per client, then 1.5 s each.</summary>
    public sealed class Host : ApplianceHost
    {
        private TestBackend _backend = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:Challenge:PagesBeforeDelay"] = "2",
            ["Appliance:Proxy:Challenge:DelayMilliseconds"] = "1500",
            ["Appliance:Proxy:Challenge:RepeatWindowSeconds"] = "600",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _backend = await TestBackend.StartAsync("backend");
            await AddPoolAsync(new { name = "backend", backends = new[] { new { address = _backend.Address } } });
            var targets = new[] { new { pool = "backend", weight = 1 } };
            await AddRouteAsync(new { name = "guarded", path = "/guarded", targets, challenge = new { mode = "Always", difficulty = 2, validMinutes = 60 } });
            await AddRouteAsync(new { name = "open", path = "/open", targets, challenge = new { mode = "Off", difficulty = 2, validMinutes = 60 } });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await _backend.DisposeAsync();
            await base.DisposeAsync();
        }

        public async Task<string> MetricsAsync()
        {
            using var scraper = new HttpClient { BaseAddress = Api.BaseAddress };
            return await scraper.GetStringAsync("/metrics");
        }
    }
}
