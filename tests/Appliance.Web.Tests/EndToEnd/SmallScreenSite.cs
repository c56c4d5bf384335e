using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// An appliance with something in every table, the long way: hosts, paths, backend addresses,
/// certificate names, webhook URLs and user names long enough to push a phone's page sideways if
/// anything lets them. Everything is made through the API (so the audit trail and the history have
/// rows too), and traffic goes through the data plane (access log, dashboard, security tables).
/// </summary>
public sealed class SmallScreenSite : ApplianceHost
{
    public const string AdminName = "ops";
    public const string AdminPassword = "small screen passphrase 1";

    /// <summary>A host name of 80 characters with no place to break.</summary>
    public const string LongHost = "a-really-long-subdomain-name-that-keeps-on-going.customer-facing-services.example.com";

    /// <summary>A path of one long segment after a few short ones.</summary>
    public const string LongPath = "/catalogue/items/a-very-long-product-slug-that-nobody-would-type-but-a-phone-must-still-show-in-full";

    private TestBackend? _web;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Admin:InitialUser"] = AdminName,
        ["Appliance:Admin:InitialPassword"] = AdminPassword,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _web = await TestBackend.StartAsync("web");
        var longBackend = $"http://backend-with-a-really-long-host-name-number-one.internal.example.com:{Ports.Unused()}";

        await AddPoolAsync(new { name = "web", backends = new[] { new { address = _web.Address } } });
        await AddPoolAsync(new
        {
            name = "a-pool-with-a-rather-long-name-for-a-small-screen",
            loadBalancing = "WeightedRoundRobin",
            backends = new[] { new { address = _web.Address, weight = 3 }, new { address = longBackend, weight = 1 } },
        });
        await AddRouteAsync(new
        {
            name = "shop-with-a-long-route-name-for-phones",
            hosts = new[] { LongHost, "shop.example.com" },
            path = "/catalogue",
            targets = new[] { new { pool = "web", weight = 3 }, new { pool = "a-pool-with-a-rather-long-name-for-a-small-screen", weight = 1 } },
        });
        await AddRouteAsync(new
        {
            name = "old-site",
            hosts = new[] { "old.example.com" },
            path = "/",
            redirect = new { location = $"https://{LongHost}/moved/permanently/to/a/new/place{{path}}", status = 301 },
        });

        await PostAsync("/api/v1/access-lists", new
        {
            name = "office-network-only",
            defaultAction = "Deny",
            rules = new[] { new { action = "Allow", cidr = "2001:db8:1234:5678:9abc:def0:1234:5678/128" }, new { action = "Allow", cidr = "203.0.113.0/24" } },
        });
        await PostAsync("/api/v1/rate-limits", new { name = "gentle", permits = 5, periodSeconds = 60, burst = 5 });
        await AddRouteAsync(new { name = "guarded", hosts = new[] { "guarded.example.com" }, path = "/", accessList = "office-network-only", targets = new[] { new { pool = "web", weight = 1 } } });
        await PostAsync("/api/v1/cache-rules", new { name = "static-assets-kept-for-a-while", match = "/static/assets/with/a/long/prefix/**", mode = "DefaultTtl", defaultTtlSeconds = 300 });
        await PostAsync("/api/v1/error-pages", new { name = "maintenance-page", status = 503, html = "<!doctype html><title>Down</title><p>Back soon: " + LongHost + "</p>" });
        await PostAsync("/api/v1/streams", new { name = "database-stream", listenPort = Ports.Unused(), pool = "web", sniHosts = Array.Empty<string>() });
        var (chain, key) = TestCertificates.Issue([LongHost, "shop.example.com"]);
        await PostAsync("/api/v1/certificates", new { name = "customer-facing-services-wildcard-certificate", pem = chain, key });
        await PostAsync("/api/v1/alerts/channels", new { name = "ops-webhook", webhook = new { url = $"https://hooks.example.com/services/T0000000/B0000000/{new string('x', 64)}" } });
        await PostAsync("/api/v1/alerts/rules", new { name = "everything-that-goes-down", events = new[] { "BackendDown", "PoolDown" }, channels = new[] { "ops-webhook" } });
        await PostAsync("/api/v1/tokens", new { name = "continuous-deployment-token", role = "Viewer" });
        var users = App.Services.GetRequiredService<Appliance.Data.Users.UserStore>();
        var viewer = new Appliance.Data.Users.NewUser { UserName = "a.viewer.with.a.long.name.for.phones@example.com", Password = AdminPassword, Role = "Viewer" };
        if (!(await users.CreateAsync(viewer, Appliance.Data.Users.Editor.Authorized("test"))).Succeeded)
        {
            throw new InvalidOperationException("The second user was not created.");
        }

        await WaitForLiveConfigAsync();

        // Traffic: access-log rows with long hosts and paths, a redirect, a 404 and a refusal.
        using var client = CreateProxyClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            using var served = await client.GetWithHostAsync(LongHost, $"{LongPath}-{i}?with=a-query-string");
        }

        using var moved = await client.GetWithHostAsync("old.example.com", LongPath);
        using var missing = await client.GetWithHostAsync("nowhere.example.com", "/" + new string('n', 120));
        using var refused = await client.GetWithHostAsync("guarded.example.com", "/secret");
    }

    public override async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private async Task PostAsync(string path, object body)
    {
        using var response = await Api.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
