using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Engine.Challenge.Crawlers;
using Appliance.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Web.Tests.Challenge;

/// <summary>
/// The installation-wide side of the challenge on the real data plane: the under-attack switch turns
/// it on for routes in mode UnderAttack (the default) and not for routes that opted out; allowed
/// ranges and crawlers DNS confirms pass without a proof; a claimed crawler DNS does not confirm, and
/// a stray X-Forwarded-For naming an allowed address, get the page.
/// </summary>
public sealed class UnderAttackTests(UnderAttackTests.UnderAttackHost host) : IClassFixture<UnderAttackTests.UnderAttackHost>
{
    private const string Googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    private static readonly IPAddress Visitor = IPAddress.Parse("127.0.0.3");
    private static readonly IPAddress Office = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress RealCrawler = IPAddress.Parse("127.0.0.4");
    private static readonly IPAddress LookalikeDomain = IPAddress.Parse("127.0.0.5");
    private static readonly IPAddress ForwardElsewhere = IPAddress.Parse("127.0.0.6");

    [Fact]
    public async Task The_switch_turns_the_challenge_on_for_default_routes_and_never_for_opted_out_ones()
    {
        await host.SetSwitchAsync(false);
        Assert.Equal(200, (await GetAsync(Visitor, "/site/x")).Status);

        await host.SetSwitchAsync(true);
        var challenged = await GetAsync(Visitor, "/site/x");
        Assert.Equal(403, challenged.Status);
        Assert.Contains("data-difficulty", challenged.Response);
        Assert.Equal(200, (await GetAsync(Visitor, "/api/x")).Status);

        // The dashboard's card and its API see the switch and who was sent the page.
        var report = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/security/under-attack");
        Assert.True(report.GetProperty("underAttack").GetBoolean(), report.ToString());
        Assert.Contains(report.GetProperty("topAddresses").EnumerateArray(), a =>
            a.GetProperty("address").GetString() == Visitor.ToString() && a.GetProperty("reasons").EnumerateArray().Any(r => r.GetString() == "Challenge"));

        await host.SetSwitchAsync(false);
        Assert.False((await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/security/under-attack")).GetProperty("underAttack").GetBoolean());
        Assert.Equal(200, (await GetAsync(Visitor, "/site/x")).Status);
    }

    [Fact]
    public async Task Allowed_ranges_pass_and_a_stray_forwarded_header_naming_one_does_not()
    {
        await host.SetSwitchAsync(true);
        Assert.Equal(200, (await GetAsync(Office, "/site/x")).Status);
        Assert.Equal(403, (await GetAsync(Visitor, "/site/x", "X-Forwarded-For: 127.0.0.2")).Status);
        Assert.Equal(403, (await GetAsync(Visitor, "/site/x", "X-Real-IP: 127.0.0.2", "Forwarded: for=127.0.0.2")).Status);
        Assert.Matches("appliance_challenge_total\\{result=\"allowed\"\\} [1-9]", await host.MetricsAsync());
    }

    [Fact]
    public async Task A_crawler_passes_only_when_reverse_and_forward_dns_agree()
    {
        await host.SetSwitchAsync(true);
        Assert.Equal(200, (await GetAsync(RealCrawler, "/site/x", "User-Agent: " + Googlebot)).Status);
        Assert.Equal(403, (await GetAsync(RealCrawler, "/site/x", "User-Agent: curl/8")).Status);
        Assert.Equal(403, (await GetAsync(LookalikeDomain, "/site/x", "User-Agent: " + Googlebot)).Status);
        Assert.Equal(403, (await GetAsync(ForwardElsewhere, "/site/x", "User-Agent: " + Googlebot)).Status);
        Assert.Equal(403, (await GetAsync(Visitor, "/site/x", "User-Agent: " + Googlebot)).Status);

        // The answer is kept: asking again costs no DNS.
        var asked = host.Resolver.ReverseLookups;
        Assert.Equal(200, (await GetAsync(RealCrawler, "/site/y", "User-Agent: " + Googlebot)).Status);
        Assert.Equal(asked, host.Resolver.ReverseLookups);
        var metrics = await host.MetricsAsync();
        Assert.Matches("appliance_challenge_total\\{result=\"crawler\"\\} [1-9]", metrics);
        Assert.Matches("appliance_challenge_total\\{result=\"impostor\"\\} [1-9]", metrics);
    }

    [Fact]
    public async Task The_settings_are_refused_field_by_field_and_nothing_is_half_applied()
    {
        var before = await host.Api.GetStringAsync("/api/v1/security/challenge");
        using var response = await host.Api.PutAsJsonAsync("/api/v1/security/challenge", new
        {
            underAttack = true,
            allow = new[] { "127.0.0.2", "not-a-range" },
            crawlers = new object[]
            {
                new { name = "Googlebot", userAgent = "Googlebot", domains = new[] { "com" } },
                new { name = "googlebot", userAgent = "", domains = Array.Empty<string>() },
            },
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "allow[1]", "crawlers[0].domains[0]", "crawlers[1].name", "crawlers[1].userAgent", "crawlers[1].domains" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {problem}");
        }

        Assert.Equal(before, await host.Api.GetStringAsync("/api/v1/security/challenge"));
    }

    private Task<(int Status, string Response)> GetAsync(IPAddress source, string path, params string[] headers) =>
        SourceBoundHttp.SendAsync(source, host.ProxyAddress, "GET", path, "site.test", headers);

    /// <summary>A site route that waits for the switch, an API route that opted out, an allowed office range and a fake DNS.</summary>
    public sealed class UnderAttackHost : ApplianceHost
    {
        public TestBackend Backend { get; private set; } = null!;

        public FakeCrawlerResolver Resolver { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ICrawlerResolver>(Resolver);

        public override async Task InitializeAsync()
        {
            Resolver.Reverse[RealCrawler] = "crawl-66-249-66-1.googlebot.com";
            Resolver.Forward["crawl-66-249-66-1.googlebot.com"] = [RealCrawler];
            Resolver.Reverse[LookalikeDomain] = "crawl.googlebot.com.evil.example";
            Resolver.Forward["crawl.googlebot.com.evil.example"] = [LookalikeDomain];
            Resolver.Reverse[ForwardElsewhere] = "crawl-6.googlebot.com";
            Resolver.Forward["crawl-6.googlebot.com"] = [IPAddress.Parse("66.249.66.6")];
            await base.InitializeAsync();
            Backend = await TestBackend.StartAsync("backend");
            await AddPoolAsync(new { name = "backend", backends = new[] { new { address = Backend.Address } } });
            var targets = new[] { new { pool = "backend", weight = 1 } };
            await AddRouteAsync(new { name = "site", hosts = new[] { "site.test" }, path = "/site", targets });
            await AddRouteAsync(new { name = "api", hosts = new[] { "site.test" }, path = "/api", targets, challenge = new { mode = "Off" } });
            await SetSwitchAsync(false);
        }

        public async Task SetSwitchAsync(bool on)
        {
            using var response = await Api.PutAsJsonAsync("/api/v1/security/challenge", new { underAttack = on, allow = new[] { "127.0.0.2/32" } });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await WaitForLiveConfigAsync();
        }

        public Task<string> MetricsAsync() => new HttpClient { BaseAddress = Api.BaseAddress }.GetStringAsync("/metrics");

        public override async Task DisposeAsync()
        {
            await Backend.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
