using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class ObservabilityTests(ObservabilityTests.FileAccessLogHost host) : IClassFixture<ObservabilityTests.FileAccessLogHost>
{
    [Fact]
    public async Task Each_request_is_counted_per_route_pool_and_backend_and_written_to_the_access_log()
    {
        var backends = await TestBackend.StartManyAsync("obs-0", "obs-1");
        try
        {
            await host.AddPoolAsync(new { name = "obs", backends = backends.Select(b => new { address = b.Address }).ToArray() });
            await host.AddRouteAsync(new { name = "obs", hosts = new[] { "obs.test" }, targets = new[] { new { pool = "obs", weight = 1 } } });
            await host.WaitForLiveConfigAsync();

            using var client = host.CreateProxyClient();
            for (var i = 0; i < 10; i++)
            {
                (await client.GetWithHostAsync("obs.test", "/page?secret=hunter2")).Dispose();
            }

            (await client.GetWithHostAsync("nobody.test", "/missing")).Dispose();

            // A request is recorded when its pipeline ends, which can be just after the client has read the last byte.
            JsonElement report = default, route = default;
            await Eventually.TrueAsync(
                async () =>
                {
                    report = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/health");
                    route = report.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "obs");
                    return route.GetProperty("traffic").GetProperty("requests").GetInt64() >= 10 && report.GetProperty("total").GetProperty("status4xx").GetInt64() >= 1;
                },
                TimeSpan.FromSeconds(10),
                "ten requests to be recorded");
            Assert.Equal(10, route.GetProperty("traffic").GetProperty("requests").GetInt64());
            Assert.Equal(10, route.GetProperty("traffic").GetProperty("status2xx").GetInt64());
            var pool = report.GetProperty("pools").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "obs");
            Assert.Equal(10, pool.GetProperty("traffic").GetProperty("requests").GetInt64());
            var perBackend = pool.GetProperty("backends").EnumerateArray().Select(b => b.GetProperty("traffic")).ToArray();
            Assert.All(perBackend, t => Assert.Equal(5, t.GetProperty("requests").GetInt64()));
            Assert.All(perBackend, t => Assert.True(t.GetProperty("p95Milliseconds").GetDouble() > 0));
            Assert.Equal(0, pool.GetProperty("traffic").GetProperty("errorRate").GetDouble());
            Assert.True(report.GetProperty("total").GetProperty("status4xx").GetInt64() >= 1);

            // Prometheus on the same host scrapes without a token.
            using var scraper = new HttpClient { BaseAddress = host.Api.BaseAddress };
            using var scrape = await scraper.GetAsync("/metrics");
            Assert.Equal(System.Net.HttpStatusCode.OK, scrape.StatusCode);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", scrape.Content.Headers.ContentType?.ToString());
            var exposition = await scrape.Content.ReadAsStringAsync();
            Assert.Contains("appliance_route_requests_total{route=\"obs\",code=\"2xx\"} 10\n", exposition);
            Assert.Contains("appliance_route_request_duration_seconds_count{route=\"obs\"} 10\n", exposition);
            Assert.Contains("appliance_route_request_duration_seconds_bucket{route=\"obs\",le=\"+Inf\"} 10\n", exposition);
            foreach (var backend in backends)
            {
                var labels = $"pool=\"obs\",backend=\"{backend.Address}\"";
                Assert.Contains($"appliance_backend_requests_total{{{labels},code=\"2xx\"}} 5\n", exposition);
                Assert.Contains($"appliance_backend_in_rotation{{{labels}}} 1\n", exposition);
            }

            Assert.Contains("# TYPE appliance_requests_total counter", exposition);

            // The proxy client keeps its connection open, and the data plane counts it.
            Assert.Matches(@"\nappliance_open_connections [1-9][0-9]*\n", exposition);
            Assert.Matches(@"\nappliance_connections_total [1-9][0-9]*\n", exposition);
            Assert.True(report.GetProperty("openConnections").GetInt64() >= 1);
            AssertFamiliesAreContiguous(exposition);

            var logPath = Path.Combine(host.DataDirectory, "logs", "access.log");
            var lines = Array.Empty<JsonElement>();
            await Eventually.TrueAsync(
                () =>
                {
                    lines = File.Exists(logPath)
                        ? ReadShared(logPath).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray()
                        : [];
                    return lines.Length >= 11;
                },
                TimeSpan.FromSeconds(10),
                "the access log lines");

            var proxied = lines.First(l => l.GetProperty("route").GetString() == "obs");
            Assert.Equal("obs.test", proxied.GetProperty("host").GetString());
            Assert.Equal("GET", proxied.GetProperty("method").GetString());
            Assert.Equal("/page", proxied.GetProperty("path").GetString());
            Assert.Equal(200, proxied.GetProperty("status").GetInt32());
            Assert.Equal(5, proxied.GetProperty("bytes").GetInt64());
            Assert.Equal("obs", proxied.GetProperty("pool").GetString());
            Assert.Contains(proxied.GetProperty("backend").GetString(), backends.Select(b => b.Address));
            Assert.Equal("127.0.0.1", proxied.GetProperty("client").GetString());
            Assert.All(backends.SelectMany(b => b.ReceivedHeaders), headers => Assert.Equal("127.0.0.1", headers["X-Forwarded-For"]));
            Assert.Matches("^[0-9a-f]{32}$", proxied.GetProperty("requestId").GetString());
            Assert.DoesNotContain(lines, l => l.GetRawText().Contains("hunter2", StringComparison.Ordinal));

            var unmatched = lines.Single(l => l.GetProperty("host").GetString() == "nobody.test");
            Assert.Equal(404, unmatched.GetProperty("status").GetInt32());
            Assert.Equal(JsonValueKind.Null, unmatched.GetProperty("route").ValueKind);
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
    public async Task The_access_log_names_the_path_as_forwarded_and_the_client_s_own_spelling_when_it_differed()
    {
        await using var backend = await TestBackend.StartAsync("odd");
        await host.AddPoolAsync(new { name = "odd", backends = new[] { new { address = backend.Address } } });
        await host.AddRouteAsync(new { name = "odd", hosts = new[] { "odd.test" }, targets = new[] { new { pool = "odd", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        Assert.Equal(200, (await RawHttp.SendAsync(host.ProxyAddress, "GET", "//odd/./page;v=1?secret=hunter2", "odd.test")).Status);
        Assert.Equal(200, (await RawHttp.SendAsync(host.ProxyAddress, "GET", "/odd/a%2Fb?secret=hunter2", "odd.test")).Status);
        Assert.Equal(400, (await RawHttp.SendAsync(host.ProxyAddress, "GET", "/odd/..%2Fsecret?secret=hunter2", "odd.test")).Status);
        Assert.Equal(200, (await RawHttp.SendAsync(host.ProxyAddress, "GET", "/odd/plain?secret=hunter2", "odd.test")).Status);

        var logPath = Path.Combine(host.DataDirectory, "logs", "access.log");
        var lines = Array.Empty<JsonElement>();
        await Eventually.TrueAsync(
            () =>
            {
                lines = File.Exists(logPath)
                    ? ReadShared(logPath).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
                        .Where(l => l.GetProperty("host").GetString() == "odd.test").ToArray()
                    : [];
                return lines.Length >= 4;
            },
            TimeSpan.FromSeconds(10),
            "the access log lines");

        // What the backend was sent, so an attack reads as what it reached; the client's spelling beside it.
        Assert.Equal(["/odd/page", "/odd/a%2Fb"], lines.Take(2).Select(l => l.GetProperty("path").GetString()));
        Assert.Equal(backend.ReceivedTargets.Take(2).Select(t => t.Split('?')[0]), lines.Take(2).Select(l => l.GetProperty("path").GetString()));
        Assert.Equal("//odd/./page;v=1", lines[0].GetProperty("target").GetString());
        Assert.False(lines[1].TryGetProperty("target", out _));
        Assert.Equal(400, lines[2].GetProperty("status").GetInt32());
        Assert.Equal("/odd/..%2Fsecret", lines[2].GetProperty("path").GetString());
        Assert.Equal("/odd/plain", lines[3].GetProperty("path").GetString());
        Assert.False(lines[3].TryGetProperty("target", out _));
        Assert.DoesNotContain(lines, l => l.GetRawText().Contains("hunter2", StringComparison.Ordinal));
    }

    // The text format wants every sample of a family right under that family's TYPE line.
    private static void AssertFamiliesAreContiguous(string exposition)
    {
        string? family = null;
        foreach (var line in exposition.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                family = line.Split(' ')[2];
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var name = line[..line.IndexOfAny(['{', ' '])];
            Assert.True(
                name == family || name == family + "_bucket" || name == family + "_sum" || name == family + "_count",
                $"'{line}' appears under the TYPE of '{family}'.");
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public sealed class FileAccessLogHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:AccessLog:Target"] = "File",
            ["Appliance:AccessLog:Path"] = "logs/access.log",

            // Every interface, as in production: IPv4 clients arrive on a dual-stack socket.
            ["Appliance:Proxy:BindAddress"] = "*",
        };
    }
}
