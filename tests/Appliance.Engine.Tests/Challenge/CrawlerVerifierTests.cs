using System.Net;
using Appliance.Data.Model;
using Appliance.Engine.Challenge.Crawlers;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Challenge;

public sealed class CrawlerVerifierTests
{
    private static readonly CompiledCrawler Googlebot = new(new VerifiedCrawlerSpec { Name = "Googlebot", UserAgent = "Googlebot", Domains = ["googlebot.com", "google.com"] });

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-30T12:00:00Z"));

    [Theory]
    [InlineData("crawl-66-249-66-1.googlebot.com", true)]
    [InlineData("crawl-66-249-66-1.googlebot.com.", true)]
    [InlineData("CRAWL.GoogleBot.COM", true)]
    [InlineData("googlebot.com", true)]
    [InlineData("rate-limited-proxy-66-249-90-77.google.com", true)]
    [InlineData("evilgooglebot.com", false)]
    [InlineData("googlebot.com.evil.example", false)]
    [InlineData("crawl.googlebot.co", false)]
    [InlineData("", false)]
    public void A_reverse_name_belongs_to_a_crawler_only_at_a_label_boundary_of_its_domains(string name, bool owned)
    {
        Assert.Equal(owned, Googlebot.Owns(name));
    }

    [Fact]
    public async Task An_answer_is_kept_an_hour_when_confirmed_and_asked_again_after()
    {
        var address = IPAddress.Parse("66.249.66.1");
        var resolver = new ScriptedResolver { Reverse = { [address] = "crawl.googlebot.com" }, Forward = { ["crawl.googlebot.com"] = [address] } };
        var verifier = new CrawlerVerifier(resolver, _clock);

        Assert.True(await verifier.IsVerifiedAsync(address, Googlebot));
        Assert.True(await verifier.IsVerifiedAsync(address, Googlebot));
        Assert.Equal(1, resolver.ReverseLookups);

        _clock.Advance(TimeSpan.FromMinutes(61));
        resolver.Forward["crawl.googlebot.com"] = [IPAddress.Parse("66.249.66.2")];
        Assert.False(await verifier.IsVerifiedAsync(address, Googlebot));
        Assert.Equal(2, resolver.ReverseLookups);
    }

    [Theory]
    [InlineData("66.249.66.1", "::ffff:66.249.66.1")]
    [InlineData("::ffff:66.249.66.1", "66.249.66.1")]
    [InlineData("::ffff:66.249.66.1", "::ffff:66.249.66.1")]
    public async Task An_ipv4_client_is_confirmed_whichever_side_spells_it_ipv4_mapped(string client, string answered)
    {
        // A dual-stack socket hands the client over as ::ffff:a.b.c.d and a resolver may answer in
        // either form: the two must still be the same address.
        var address = IPAddress.Parse(client);
        var resolver = new ScriptedResolver { Reverse = { [address] = "crawl.googlebot.com" }, Forward = { ["crawl.googlebot.com"] = [IPAddress.Parse(answered)] } };
        var verifier = new CrawlerVerifier(resolver, _clock);

        Assert.True(await verifier.IsVerifiedAsync(address, Googlebot));
    }

    [Fact]
    public async Task A_mapped_answer_of_another_address_confirms_nothing()
    {
        var address = IPAddress.Parse("::ffff:66.249.66.1");
        var resolver = new ScriptedResolver { Reverse = { [address] = "crawl.googlebot.com" }, Forward = { ["crawl.googlebot.com"] = [IPAddress.Parse("::ffff:66.249.66.2")] } };
        var verifier = new CrawlerVerifier(resolver, _clock);

        Assert.False(await verifier.IsVerifiedAsync(address, Googlebot));
    }

    [Fact]
    public async Task A_flood_of_forged_user_agents_from_random_addresses_keeps_the_cache_bounded()
    {
        var resolver = new ScriptedResolver();
        var verifier = new CrawlerVerifier(resolver, _clock);

        for (var i = 0; i < CrawlerVerifier.MaxCachedAnswers + 2_000; i++)
        {
            var address = new IPAddress([10, (byte)(i >> 16), (byte)(i >> 8), (byte)i]);
            Assert.False(await verifier.IsVerifiedAsync(address, Googlebot));
        }

        Assert.InRange(verifier.CachedAnswers, 1, CrawlerVerifier.MaxCachedAnswers);
    }

    [Fact]
    public async Task While_every_lookup_slot_is_busy_a_new_claim_is_not_verified_and_asks_no_dns()
    {
        var resolver = new ScriptedResolver { Hold = new TaskCompletionSource() };
        var verifier = new CrawlerVerifier(resolver, _clock);
        var held = Enumerable.Range(1, CrawlerVerifier.MaxLookupsAtOnce)
            .Select(i => verifier.IsVerifiedAsync(new IPAddress([10, 0, 0, (byte)i]), Googlebot))
            .ToArray();

        Assert.False(await verifier.IsVerifiedAsync(IPAddress.Parse("10.0.1.1"), Googlebot));
        Assert.Equal(CrawlerVerifier.MaxLookupsAtOnce, resolver.ReverseLookups);

        resolver.Hold.SetResult();
        Assert.All(await Task.WhenAll(held), Assert.False);
    }

    [Fact]
    public async Task A_resolver_that_fails_confirms_nothing()
    {
        var verifier = new CrawlerVerifier(new ScriptedResolver { Fail = true }, _clock);

        Assert.False(await verifier.IsVerifiedAsync(IPAddress.Parse("66.249.66.1"), Googlebot));
    }

    private sealed class ScriptedResolver : ICrawlerResolver
    {
        public Dictionary<IPAddress, string> Reverse { get; } = [];

        public Dictionary<string, IPAddress[]> Forward { get; } = new(StringComparer.OrdinalIgnoreCase);

        public TaskCompletionSource? Hold { get; init; }

        public bool Fail { get; init; }

        public int ReverseLookups;

        public async Task<string?> ReverseAsync(IPAddress address, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref ReverseLookups);
            if (Hold is not null)
            {
                await Hold.Task;
            }

            if (Fail)
            {
                throw new InvalidOperationException("resolver down");
            }

            return Reverse.GetValueOrDefault(address);
        }

        public Task<IPAddress[]> ForwardAsync(string hostName, CancellationToken cancellationToken) =>
            Task.FromResult(Forward.GetValueOrDefault(hostName) ?? []);
    }
}
