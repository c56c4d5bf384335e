using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class HealthAndFailoverTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task A_backend_failing_its_probes_leaves_rotation_and_returns_when_they_pass()
    {
        var backends = await TestBackend.StartManyAsync("hc-0", "hc-1");
        await using var healthy = backends[0];
        await using var sick = backends[1];
        await host.AddPoolAsync(new
        {
            name = "hc",
            loadBalancing = "RoundRobin",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 2, healthyAfter = 2 },
            backends = backends.Select(b => new { address = b.Address }).ToArray(),
        });
        await host.AddRouteAsync(new { name = "hc", hosts = new[] { "hc.test" }, targets = new[] { new { pool = "hc", weight = 1 } } });
        await host.WaitForLiveConfigAsync();
        await WaitForHealthAsync("hc", sick.Address, "Healthy");

        sick.Healthy = false;
        await WaitForHealthAsync("hc", sick.Address, "Unhealthy");
        var backend = await BackendAsync("hc", sick.Address);
        Assert.False(backend.GetProperty("inRotation").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, backend.GetProperty("since").ValueKind);

        using var client = host.CreateProxyClient();
        var sickBefore = sick.Requests;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("hc-0", await client.GetBodyAsync("hc.test", "/"));
        }

        Assert.Equal(sickBefore, sick.Requests);

        sick.Healthy = true;
        await WaitForHealthAsync("hc", sick.Address, "Healthy");
        var bodies = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            bodies.Add(await client.GetBodyAsync("hc.test", "/"));
        }

        Assert.Contains("hc-1", bodies);
    }

    [Fact]
    public async Task Killing_one_of_three_backends_under_concurrent_load_gives_clients_no_errors()
    {
        var backends = await TestBackend.StartManyAsync("kill-0", "kill-1", "kill-2");
        try
        {
            await host.AddPoolAsync(new
            {
                name = "kill",
                loadBalancing = "RoundRobin",
                healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
                backends = backends.Select(b => new { address = b.Address }).ToArray(),
            });
            await host.AddRouteAsync(new { name = "kill", hosts = new[] { "kill.test" }, targets = new[] { new { pool = "kill", weight = 1 } } });
            await host.WaitForLiveConfigAsync();

            using var client = host.CreateProxyClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 });
            var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
            using var stop = new CancellationTokenSource();
            var requestsAfterKill = 0;
            var killed = false;

            var workers = Enumerable.Range(0, 16).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    using var response = await client.GetWithHostAsync("kill.test", "/");
                    statuses.Add(response.StatusCode);
                    if (Volatile.Read(ref killed))
                    {
                        Interlocked.Increment(ref requestsAfterKill);
                    }
                }
            }).ToArray();

            await Eventually.TrueAsync(() => statuses.Count >= 300, TimeSpan.FromSeconds(30), "load to build up");
            await backends[1].StopAsync();
            Volatile.Write(ref killed, true);
            await Eventually.TrueAsync(() => Volatile.Read(ref requestsAfterKill) >= 1500, TimeSpan.FromSeconds(60), "load after the kill");
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
            await WaitForHealthAsync("kill", backends[1].Address, "Unhealthy");
        }
        finally
        {
            foreach (var backend in backends)
            {
                await backend.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_GET_to_a_backend_that_refuses_connections_is_retried_on_another_and_a_POST_is_not()
    {
        await using var alive = await TestBackend.StartAsync("alive");
        var deadAddress = "http://127.0.0.1:" + Ports.Unused();
        await host.AddPoolAsync(new
        {
            name = "retry",
            loadBalancing = "RoundRobin",
            backends = new[] { new { address = deadAddress }, new { address = alive.Address } },
        });
        await host.AddRouteAsync(new { name = "retry", hosts = new[] { "retry.test" }, targets = new[] { new { pool = "retry", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetWithHostAsync("retry.test", "/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("alive", await response.Content.ReadAsStringAsync());
        }

        // A POST with a body is never sent twice: the one that drew the dead backend gets a 502 page.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("order=1") };
            post.Headers.Host = "retry.test";
            using var response = await client.SendAsync(post);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.BadGateway)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains("502 Bad Gateway", body);
                Assert.DoesNotContain("127.0.0.1", body);
                Assert.DoesNotContain(deadAddress, body);
            }
        }

        Assert.Contains(HttpStatusCode.BadGateway, statuses);
    }

    [Fact]
    public async Task A_disabled_backend_is_drained_its_in_flight_requests_finish_and_it_gets_no_new_ones()
    {
        var backends = await TestBackend.StartManyAsync("drain-0", "drain-1");
        await using var draining = backends[0];
        await using var staying = backends[1];
        await host.AddPoolAsync(new
        {
            name = "drain",
            loadBalancing = "FirstAvailable",
            backends = new[] { new { address = draining.Address, enabled = true }, new { address = staying.Address, enabled = true } },
        });
        await host.AddRouteAsync(new { name = "drain", hosts = new[] { "drain.test" }, targets = new[] { new { pool = "drain", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        draining.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = client.GetWithHostAsync("drain.test", "/slow");
        await Eventually.TrueAsync(() => draining.Requests == 1, TimeSpan.FromSeconds(10), "the slow request to reach the first backend");

        var update = await host.Api.PutAsJsonAsync("/api/v1/pools/drain", new
        {
            loadBalancing = "FirstAvailable",
            backends = new[] { new { address = draining.Address, enabled = false }, new { address = staying.Address, enabled = true } },
        });
        update.EnsureSuccessStatusCode();
        await host.WaitForLiveConfigAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("drain-1", await client.GetBodyAsync("drain.test", "/"));
        }

        Assert.Equal(1, draining.Requests);
        draining.Gate.TrySetResult();
        using var finished = await inFlight;
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal("drain-0", await finished.Content.ReadAsStringAsync());

        var backend = await BackendAsync("drain", draining.Address);
        Assert.False(backend.GetProperty("enabled").GetBoolean());
        Assert.False(backend.GetProperty("inRotation").GetBoolean());
    }

    private async Task WaitForHealthAsync(string pool, string address, string health) =>
        await Eventually.TrueAsync(
            async () => (await BackendAsync(pool, address)).GetProperty("health").GetString() == health,
            TimeSpan.FromSeconds(15),
            $"{address} to be {health}");

    private async Task<JsonElement> BackendAsync(string pool, string address)
    {
        var report = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/health");
        return report.GetProperty("pools").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == pool)
            .GetProperty("backends").EnumerateArray()
            .Single(b => b.GetProperty("address").GetString() == address);
    }
}
