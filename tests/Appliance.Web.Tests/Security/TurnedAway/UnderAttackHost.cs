using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security.TurnedAway;

/// <summary>
/// The appliance with bans on loopback (exempt by default), 127.0.0.60 as a trusted proxy, and three
/// routes to one backend: <c>site.test</c> open, <c>guarded.test</c> whose access list denies
/// 127.0.0.52, <c>tight.test</c> whose rate limit lets one request a minute through per client;
/// and <c>capped.test</c> to a pool of its own backend (<see cref="Held"/>) capped at one request
/// in flight with no queue.
/// Each test plays its clients from addresses of its own in 127.0.0.0/8.
/// </summary>
public sealed class UnderAttackHost : ApplianceHost
{
    public const string TrustedProxy = "127.0.0.60";

    private TestBackend _backend = null!;

    /// <summary>The capped pool's backend: requests to <c>/slow/…</c> wait on its gate.</summary>
    public TestBackend Held { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Proxy:Bans:ExemptLoopback"] = "false",
        // Turned-away connections held a second rather than a minute, so that "closed without a byte"
        // shows within the helpers' wait; TarpitTests holds them with the defaults.
        ["Appliance:Proxy:Bans:HoldSeconds"] = "1",
        ["Appliance:Proxy:TrustedProxies:0"] = TrustedProxy + "/32",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _backend = await TestBackend.StartAsync("attacked");
        await AddPoolAsync(new { name = "site", backends = new[] { new { address = _backend.Address } } });
        await AddRouteAsync(new { name = "site", hosts = new[] { "site.test" }, targets = new[] { new { pool = "site", weight = 1 } } });
        (await Api.PostAsJsonAsync("/api/v1/access-lists", new { name = "guard", defaultAction = "Allow", rules = new[] { new { cidr = "127.0.0.52/32", action = "Deny" } } })).EnsureSuccessStatusCode();
        await AddRouteAsync(new { name = "guarded", hosts = new[] { "guarded.test" }, targets = new[] { new { pool = "site", weight = 1 } }, accessList = "guard" });
        (await Api.PostAsJsonAsync("/api/v1/rate-limits", new { name = "tight", permits = 1, periodSeconds = 60, burst = 1 })).EnsureSuccessStatusCode();
        await AddRouteAsync(new { name = "tight", hosts = new[] { "tight.test" }, targets = new[] { new { pool = "site", weight = 1 } }, rateLimit = "tight" });
        Held = await TestBackend.StartAsync("held");
        await AddPoolAsync(new { name = "capped", maxConcurrentRequests = 1, backends = new[] { new { address = Held.Address } } });
        await AddRouteAsync(new { name = "capped", hosts = new[] { "capped.test" }, targets = new[] { new { pool = "capped", weight = 1 } } });
        await WaitForLiveConfigAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _backend.DisposeAsync();
        await Held.DisposeAsync();
    }

    /// <summary>A GET of <c>/</c> on <paramref name="host"/> from <paramref name="source"/>: its status, 0 for none.</summary>
    public Task<int> StatusFromAsync(string source, string host, params string[] headers) =>
        TargetStatusFromAsync(source, host, "/", headers);

    /// <summary>A GET of <paramref name="target"/> on <paramref name="host"/> from <paramref name="source"/>: its status, 0 for none.</summary>
    public async Task<int> TargetStatusFromAsync(string source, string host, string target, params string[] headers) =>
        (await SourceBoundHttp.SendAsync(IPAddress.Parse(source), ProxyAddress, "GET", target, host, headers)).Status;

    /// <summary>The report, as the API answers it to <paramref name="client"/> (the bootstrap token's by default).</summary>
    public async Task<JsonElement> ReportAsync(HttpClient? client = null) =>
        await (client ?? Api).GetFromJsonAsync<JsonElement>("/api/v1/security/under-attack?top=50");

    /// <summary>The top list's entry for <paramref name="address"/>, or null.</summary>
    public static JsonElement? Offender(JsonElement report, string address) =>
        report.GetProperty("topAddresses").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(o => o!.Value.GetProperty("address").GetString() == address);

    public async Task<string> MetricsAsync()
    {
        using var scraper = new HttpClient { BaseAddress = Api.BaseAddress };
        return await scraper.GetStringAsync("/metrics");
    }
}
