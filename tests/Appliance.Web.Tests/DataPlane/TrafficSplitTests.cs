using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class TrafficSplitTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task A_90_10_canary_lands_within_3_percent_over_2000_requests()
    {
        await using var stable = await TestBackend.StartAsync("stable");
        await using var canary = await TestBackend.StartAsync("canary");
        await host.AddPoolAsync(new { name = "split-stable", backends = new[] { new { address = stable.Address } } });
        await host.AddPoolAsync(new { name = "split-canary", backends = new[] { new { address = canary.Address } } });
        await host.AddRouteAsync(new
        {
            name = "split",
            hosts = new[] { "split.test" },
            targets = new[] { new { pool = "split-stable", weight = 90 }, new { pool = "split-canary", weight = 10 } },
        });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        const int Total = 2000;
        var canaryHits = 0;
        var batches = Enumerable.Range(0, Total).Chunk(20);
        foreach (var batch in batches)
        {
            var bodies = await Task.WhenAll(batch.Select(_ => client.GetBodyAsync("split.test", "/")));
            canaryHits += bodies.Count(b => b == "canary");
        }

        Assert.Equal(Total, stable.Requests + canary.Requests);
        Assert.InRange(canaryHits / (double)Total, 0.07, 0.13);
    }

    [Fact]
    public async Task A_sticky_route_keeps_each_client_on_its_variant()
    {
        await using var a = await TestBackend.StartAsync("variant-a");
        await using var b = await TestBackend.StartAsync("variant-b");
        await host.AddPoolAsync(new { name = "ab-a", backends = new[] { new { address = a.Address } } });
        await host.AddPoolAsync(new { name = "ab-b", backends = new[] { new { address = b.Address } } });
        await host.AddRouteAsync(new
        {
            name = "ab",
            hosts = new[] { "ab.test" },
            sticky = true,
            targets = new[] { new { pool = "ab-a", weight = 50 }, new { pool = "ab-b", weight = 50 } },
        });
        await host.WaitForLiveConfigAsync();

        var variantsSeen = new HashSet<string>();
        for (var clientNumber = 0; clientNumber < 12; clientNumber++)
        {
            var cookies = new CookieContainer();
            using var client = host.CreateProxyClient(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true });
            using var first = await client.GetWithHostAsync("ab.test", "/");
            var variant = await first.Content.ReadAsStringAsync();
            var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
            Assert.StartsWith("apl_t_", setCookie);
            Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ab-a", setCookie);
            Assert.DoesNotContain("ab-b", setCookie);

            // CookieContainer files cookies under the request URI, not the Host header; send it by hand.
            var cookie = setCookie.Split(';')[0];
            for (var i = 0; i < 15; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/page");
                request.Headers.Host = "ab.test";
                request.Headers.Add("Cookie", cookie);
                using var response = await client.SendAsync(request);
                Assert.Equal(variant, await response.Content.ReadAsStringAsync());
                Assert.False(response.Headers.Contains("Set-Cookie"));
            }

            variantsSeen.Add(variant);
        }

        // Twelve clients at 50/50 all landing on one variant has odds of 1 in 2048.
        Assert.Equal(2, variantsSeen.Count);
    }

    [Fact]
    public async Task A_sticky_client_on_a_target_set_to_weight_0_is_moved()
    {
        await using var a = await TestBackend.StartAsync("old");
        await using var b = await TestBackend.StartAsync("new");
        await host.AddPoolAsync(new { name = "mv-old", backends = new[] { new { address = a.Address } } });
        await host.AddPoolAsync(new { name = "mv-new", backends = new[] { new { address = b.Address } } });
        await host.AddRouteAsync(new
        {
            name = "mv",
            hosts = new[] { "mv.test" },
            sticky = true,
            targets = new[] { new { pool = "mv-old", weight = 100 }, new { pool = "mv-new", weight = 0 } },
        });
        await host.WaitForLiveConfigAsync();
        using var client = host.CreateProxyClient();
        using var first = await client.GetWithHostAsync("mv.test", "/");
        Assert.Equal("old", await first.Content.ReadAsStringAsync());
        var cookie = first.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        var update = await host.Api.PutAsync("/api/v1/routes/mv", System.Net.Http.Json.JsonContent.Create(new
        {
            name = "mv",
            hosts = new[] { "mv.test" },
            sticky = true,
            targets = new[] { new { pool = "mv-old", weight = 0 }, new { pool = "mv-new", weight = 100 } },
        }));
        update.EnsureSuccessStatusCode();
        await host.WaitForLiveConfigAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "mv.test";
        request.Headers.Add("Cookie", cookie);
        using var moved = await client.SendAsync(request);
        Assert.Equal("new", await moved.Content.ReadAsStringAsync());
        Assert.NotEqual(cookie, moved.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
    }

    [Fact]
    public async Task A_new_sticky_client_gets_its_cookie_even_when_the_request_was_retried()
    {
        await using var alive = await TestBackend.StartAsync("retried");
        await using var other = await TestBackend.StartAsync("other");
        await host.AddPoolAsync(new
        {
            name = "sr-flaky",
            loadBalancing = "RoundRobin",
            backends = new[] { new { address = "http://127.0.0.1:" + Ports.Unused() }, new { address = alive.Address } },
        });
        await host.AddPoolAsync(new { name = "sr-other", backends = new[] { new { address = other.Address } } });
        await host.AddRouteAsync(new
        {
            name = "sr",
            hosts = new[] { "sr.test" },
            sticky = true,
            targets = new[] { new { pool = "sr-flaky", weight = 90 }, new { pool = "sr-other", weight = 10 } },
        });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetWithHostAsync("sr.test", "/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("apl_t_", Assert.Single(response.Headers.GetValues("Set-Cookie")));
        }

        // Round robin alternates between the dead and the live backend, so with two or more
        // draws of the flaky pool at least one of the requests above was retried.
        Assert.True(alive.Requests >= 2, $"only {alive.Requests} request(s) drew the flaky pool");
    }
}
