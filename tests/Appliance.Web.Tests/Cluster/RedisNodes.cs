using System.Net;
using System.Net.Http.Json;
using Appliance.Data.Counters;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// Two appliance nodes, each with its own data directory and the same configuration (a pool, and
/// routes with rate limits and a basic-auth list), both sharing their counters through one
/// throwaway Redis. Clients are played by X-Forwarded-For: the tests' loopback is a trusted proxy.
/// </summary>
public sealed class RedisNodes : IAsyncLifetime
{
    public const int BasicAuthMaxFailures = 3;
    public const string BasicAuthPassword = "correct horse battery staple";

    private TestBackend _backend = null!;

    public RedisServer Redis { get; } = new();

    public Node A { get; private set; } = null!;

    public Node B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        _backend = await TestBackend.StartAsync("shared");
        A = new Node(Redis.Configuration);
        B = new Node(Redis.Configuration);
        await Task.WhenAll(A.InitializeAsync(), B.InitializeAsync());
        await Task.WhenAll(ConfigureAsync(A), ConfigureAsync(B));
        await WaitForRedisAsync(up: true);
    }

    public async Task DisposeAsync()
    {
        await Task.WhenAll(A.DisposeAsync(), B.DisposeAsync());
        await _backend.DisposeAsync();
        await Redis.DisposeAsync();
    }

    /// <summary>Waits until both nodes see Redis up (or down).</summary>
    public Task WaitForRedisAsync(bool up) => Eventually.TrueAsync(
        () => A.Status.IsUp == up && B.Status.IsUp == up, TimeSpan.FromSeconds(30), up ? "both nodes to use Redis" : "both nodes to see Redis down");

    private async Task ConfigureAsync(Node node)
    {
        await node.AddPoolAsync(new { name = "shared", backends = new[] { new { address = _backend.Address } } });
        foreach (var name in new[] { "five-a-minute", "fallback" })
        {
            (await node.Api.PostAsJsonAsync("/api/v1/rate-limits", new { name, permits = 5, periodSeconds = 60, burst = 5 })).EnsureSuccessStatusCode();
            await node.AddRouteAsync(new { name, hosts = new[] { name + ".test" }, targets = new[] { new { pool = "shared", weight = 1 } }, rateLimit = name });
        }

        (await node.Api.PostAsJsonAsync("/api/v1/access-lists", new
        {
            name = "staff",
            defaultAction = "Allow",
            basicAuthUsers = new[] { new { user = "ops", password = BasicAuthPassword } },
        })).EnsureSuccessStatusCode();
        await node.AddRouteAsync(new { name = "staff", hosts = new[] { "staff.test" }, targets = new[] { new { pool = "shared", weight = 1 } }, accessList = "staff" });
        await node.WaitForLiveConfigAsync();
    }

    /// <summary>One node: trusts the tests' loopback as a proxy, counts in the shared Redis, throttles basic auth early.</summary>
    public sealed class Node(string redis) : ApplianceHost
    {
        public SharedCounterStatus Status => App.Services.GetRequiredService<SharedCounterStatus>();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:TrustedProxies:0"] = "127.0.0.1/32",
            ["Appliance:Redis:Configuration"] = redis,
            ["Appliance:Redis:KeyPrefix"] = "test:",
            ["Appliance:Redis:RetrySeconds"] = "1",
            // Generous: on a loaded test machine a slow answer would make the node count alone, which these tests tell apart.
            ["Appliance:Redis:TimeoutMilliseconds"] = "2000",
            ["Appliance:Proxy:BasicAuth:MaxFailures"] = BasicAuthMaxFailures.ToString(),
            // An administrator from the start, so that the sign-in form is served rather than /setup.
            ["Appliance:Admin:InitialUser"] = "owner",
            ["Appliance:Admin:InitialPassword"] = "redis nodes owner passphrase",
        };

        public async Task<HttpStatusCode> StatusFromAsync(string hostName, string client, string? basicAuth = null)
        {
            using var proxy = CreateProxyClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = hostName;
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", client);
            if (basicAuth is not null)
            {
                request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(basicAuth)));
            }

            using var response = await proxy.SendAsync(request);
            return response.StatusCode;
        }

        public async Task<string> MetricsAsync()
        {
            using var scraper = new HttpClient { BaseAddress = Api.BaseAddress };
            return await scraper.GetStringAsync("/metrics");
        }
    }
}
