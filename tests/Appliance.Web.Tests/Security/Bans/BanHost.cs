using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security.Bans;

/// <summary>
/// The appliance with bans on loopback (exempt by default), a backend behind <c>site.test</c>, two
/// routes whose access list refuses 127.0.0.40 with 403, 127.0.0.20 as a trusted proxy, and rules
/// each test leans on: <c>probe</c> (scanner paths, 5), <c>instant</c> (one request bans),
/// <c>brief</c> (a 2-second ban) and <c>refusals</c> (403s across routes, 4). Each test plays its
/// clients from addresses of its own in 127.0.0.0/8.
/// </summary>
public sealed class BanHost : ApplianceHost
{
    public const string Site = "site.test";

    private TestBackend _backend = null!;

    /// <summary>The data plane's plain-HTTP address, as a loopback IP the bound sockets can reach.</summary>
    public Uri Http => ProxyAddress;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Proxy:Bans:ExemptLoopback"] = "false",
        // Turned-away connections held a second rather than a minute, so that "closed without a byte"
        // shows within the helpers' wait; TarpitTests holds them with the defaults.
        ["Appliance:Proxy:Bans:HoldSeconds"] = "1",
        ["Appliance:Proxy:TrustedProxies:0"] = "127.0.0.20/32",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _backend = await TestBackend.StartAsync("site");
        await AddPoolAsync(new { name = "site", backends = new[] { new { address = _backend.Address } } });
        await AddRouteAsync(new { name = "site", hosts = new[] { Site }, targets = new[] { new { pool = "site", weight = 1 } } });
        await PostAsync("/api/v1/access-lists", new { name = "guard", defaultAction = "Allow", rules = new[] { new { cidr = "127.0.0.40/32", action = "Deny" } } });
        foreach (var name in new[] { "guarded-a", "guarded-b" })
        {
            await AddRouteAsync(new { name, hosts = new[] { name + ".test" }, targets = new[] { new { pool = "site", weight = 1 } }, accessList = "guard" });
        }

        await PostAsync("/api/v1/ban-rules", new { name = "probe", paths = new[] { "/wp-login.php/**", "/.env*", "/.git/**" }, threshold = 5, windowSeconds = 60, banSeconds = 3600 });
        await PostAsync("/api/v1/ban-rules", new { name = "instant", paths = new[] { "/instant.php/**" }, threshold = 1, windowSeconds = 60, banSeconds = 3600 });
        await PostAsync("/api/v1/ban-rules", new { name = "brief", paths = new[] { "/brief-probe" }, threshold = 2, windowSeconds = 60, banSeconds = 2 });
        await PostAsync("/api/v1/ban-rules", new { name = "refusals", statuses = new[] { 403 }, threshold = 4, windowSeconds = 60, banSeconds = 3600 });
        await WaitForLiveConfigAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _backend.DisposeAsync();
    }

    /// <summary>The subjects of the bans in force, as the API lists them.</summary>
    public async Task<string[]> BannedAsync()
    {
        var bans = await Api.GetFromJsonAsync<BanView[]>("/api/v1/bans");
        return bans!.Select(b => b.Subject).ToArray();
    }

    public async Task<string> MetricsAsync()
    {
        using var scraper = new HttpClient { BaseAddress = Api.BaseAddress };
        return await scraper.GetStringAsync("/metrics");
    }

    public async Task PostAsync(string path, object body)
    {
        var response = await Api.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A GET of <paramref name="target"/> on <paramref name="host"/> from <paramref name="source"/>: its status, 0 for none.</summary>
    public async Task<int> StatusFromAsync(string source, string target, string host = Site, params string[] headers) =>
        (await SourceBoundHttp.SendAsync(IPAddress.Parse(source), Http, "GET", target, host, headers)).Status;

    public sealed record BanView(string Subject, string Reason, string? Rule, string? Actor, DateTimeOffset Since, DateTimeOffset Until);
}
