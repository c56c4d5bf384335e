using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Routing;

/// <summary>
/// One route with conditions of different kinds. Header and query conditions are handed to YARP's
/// matcher while cookies are decided by the appliance's own matcher policy, so a route mixing them
/// must be taken only when every condition of every kind holds; otherwise the next route takes the
/// request, or nothing does (404) where no other route is left.
/// </summary>
public sealed class MixedConditionsTests(MixedConditionsTests.MixedHost host) : IClassFixture<MixedConditionsTests.MixedHost>
{
    [Theory]
    // Header Exact + cookie NotExists: both hold, then each one failing on its own.
    [InlineData("/hc/x", "X-Beta: b", null, "beta")]
    [InlineData("/hc/x", "X-Beta: b", "Cookie: session=1", "plain")]
    [InlineData("/hc/x", "X-Beta: c", null, "plain")]
    [InlineData("/hc/x", null, "Cookie: other=1", "plain")]
    [InlineData("/hc/x", "X-Beta: b", "Cookie: other=1", "beta")]
    // Header Exact + query Prefix.
    [InlineData("/hq/x?variant=b2", "X-Beta: b", null, "beta")]
    [InlineData("/hq/x?variant=a2", "X-Beta: b", null, "plain")]
    [InlineData("/hq/x", "X-Beta: b", null, "plain")]
    [InlineData("/hq/x?variant=b2", "X-Beta: x", null, "plain")]
    // Header Exists + query NotContains + cookie Exact: all three kinds at once.
    [InlineData("/hqc/x?variant=ok", "X-Canary: 1", "Cookie: beta=yes", "beta")]
    [InlineData("/hqc/x?variant=bad", "X-Canary: 1", "Cookie: beta=yes", "plain")]
    [InlineData("/hqc/x?variant=ok", null, "Cookie: beta=yes", "plain")]
    [InlineData("/hqc/x?variant=ok", "X-Canary: 1", "Cookie: beta=no", "plain")]
    [InlineData("/hqc/x", "X-Canary: 1", "Cookie: a=1; beta=yes", "beta")]
    // Odd spellings of the path do not change what the conditions decide.
    [InlineData("//hc/./x", "X-Beta: b", null, "beta")]
    [InlineData("/hc;p/x", "X-Beta: b", "Cookie: session=1", "plain")]
    [InlineData("/%68q/x?variant=b", "X-Beta: b", null, "beta")]
    public async Task The_mixed_route_is_taken_only_when_every_condition_holds(string target, string? header, string? cookie, string expected)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test", Lines(header, cookie));

        Assert.True(status == 200, $"{target}: {status}\n{response}");
        Assert.Equal(expected, response.TrimEnd().Split('\n').Last().Trim());
    }

    [Theory]
    [InlineData("X-Beta: b", null, 200)]
    [InlineData("X-Beta: b", "Cookie: session=1", 404)]
    [InlineData(null, null, 404)]
    [InlineData("X-Beta: bb", null, 404)]
    public async Task Without_another_route_a_failing_condition_is_a_404(string? header, string? cookie, int expected)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", "/only/x", "only.test", Lines(header, cookie));

        Assert.True(status == expected, $"{status}\n{response}");
        if (expected == 200)
        {
            Assert.Equal("beta", response.TrimEnd().Split('\n').Last().Trim());
        }
    }

    private static string[] Lines(string? header, string? cookie) =>
        new[] { header, cookie }.Where(l => l is not null).Select(l => l!).ToArray();

    /// <summary>A plain catch-all on site.test, three mixed routes over it, and a mixed route alone on only.test.</summary>
    public sealed class MixedHost : ApplianceHost
    {
        public TestBackend Plain { get; private set; } = null!;

        public TestBackend Beta { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            (Plain, Beta) = (await TestBackend.StartAsync("plain"), await TestBackend.StartAsync("beta"));
            foreach (var backend in new[] { Plain, Beta })
            {
                await AddPoolAsync(new { name = backend.Name, backends = new[] { new { address = backend.Address } } });
            }

            var site = new[] { "site.test" };
            var betaHeader = new[] { Condition("X-Beta", "Exact", "b") };
            var noSession = new[] { Condition("session", "NotExists") };
            await AddRouteAsync(new { name = "plain", hosts = site, path = "/", targets = Target("plain") });
            await AddRouteAsync(new { name = "hc", hosts = site, path = "/hc", targets = Target("beta"), headers = betaHeader, cookies = noSession });
            await AddRouteAsync(new { name = "hq", hosts = site, path = "/hq", targets = Target("beta"), headers = betaHeader, query = new[] { Condition("variant", "Prefix", "b") } });
            await AddRouteAsync(new
            {
                name = "hqc",
                hosts = site,
                path = "/hqc",
                targets = Target("beta"),
                headers = new[] { Condition("X-Canary", "Exists") },
                query = new[] { Condition("variant", "NotContains", "bad") },
                cookies = new[] { Condition("beta", "Exact", "yes") },
            });
            await AddRouteAsync(new { name = "only", hosts = new[] { "only.test" }, path = "/only", targets = Target("beta"), headers = betaHeader, cookies = noSession });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Plain.DisposeAsync();
            await Beta.DisposeAsync();
            await base.DisposeAsync();
        }

        private static object Condition(string name, string mode, params string[] values) => new { name, values, mode };

        private static object[] Target(string pool) => [new { pool, weight = 1 }];
    }
}
