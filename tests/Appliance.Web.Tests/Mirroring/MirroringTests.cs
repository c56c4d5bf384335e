using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Appliance.Engine.Mirroring;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Mirroring;

/// <summary>
/// Traffic mirroring against real backends: the share copied, what a copy carries (rewritten path,
/// query, headers as forwarded, the body, the marker) whatever the client's spelling, the body bound,
/// and that a slow, stopped or failing shadow never reaches the client, only the shadow's figures.
/// </summary>
public sealed class MirroringTests(MirrorHost host) : IClassFixture<MirrorHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task About_the_configured_share_of_requests_is_copied()
    {
        const int requests = 2000;
        using var client = host.CreateProxyClient();
        await SendManyAsync(client, requests, i => $"/share10/item?n={i}");

        var counters = host.Metrics.For("share10");
        await Eventually.TrueAsync(() => counters.Sent == host.Share10.Received.Count && host.Metrics.InFlight == 0, Wait, "every copy to arrive");

        // 10 % of 2,000 is 200; ±3 % of the total is 140 to 260 (more than four standard deviations).
        Assert.InRange(host.Share10.Received.Count, 140, 260);
        Assert.Equal(0, counters.Dropped);
        Assert.All(host.Share10.Received, r => Assert.StartsWith("/share10/item?n=", r.Target, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_request_is_copied_at_100_percent()
    {
        const int requests = 300;
        using var client = host.CreateProxyClient();
        await SendManyAsync(client, requests, i => $"/share100/{i}");

        await Eventually.TrueAsync(() => host.Share100.Received.Count >= requests && host.Metrics.InFlight == 0, Wait, "300 copies");
        Assert.Equal(requests, host.Share100.Received.Count);
        Assert.Equal(Enumerable.Range(0, requests).Select(i => $"/share100/{i}").Order(), host.Share100.Received.Select(r => r.Target).Order());
        Assert.Equal(requests, host.Metrics.For("share100").Sent);
        Assert.Matches("appliance_mirror_copies_sent_total\\{route=\"share100\"\\} 300\n", await host.ScrapeAsync());
    }

    [Fact]
    public async Task A_copy_carries_the_method_rewritten_path_query_forwarded_headers_marker_and_body()
    {
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users?id=1&q=a%2Fb")
        {
            Content = new StringContent("{\"name\":\"mirror\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Custom", "kept");
        request.Headers.Add(MirrorHeaders.Marker, "forged");
        request.Headers.Add("X-Forwarded-For", "203.0.113.66");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = response.Headers.GetValues("X-Request-Id").Single();

        var primary = host.PrimaryRecorder.WithRequestId(id)!;
        var copy = await CopyOfAsync(host.Copy, id);
        Assert.Equal(("POST", "/v2/users?id=1&q=a%2Fb"), (primary.Method, primary.Target));
        Assert.Equal((primary.Method, primary.Target), (copy.Method, copy.Target));
        Assert.Equal("{\"name\":\"mirror\"}", Encoding.UTF8.GetString(copy.Body));
        Assert.Equal(primary.Body, copy.Body);
        foreach (var name in new[] { "X-Custom", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Real-IP", "Content-Type", "Content-Length" })
        {
            Assert.Equal(primary.Headers[name], copy.Headers[name]);
        }

        // The client's own claims were replaced as for the primary; the marker is the appliance's alone.
        Assert.Equal("127.0.0.1", copy.Headers["X-Forwarded-For"]);
        Assert.Equal(MirrorHeaders.MarkerValue, copy.Headers[MirrorHeaders.Marker]);
        Assert.False(primary.Headers.ContainsKey(MirrorHeaders.Marker));
    }

    [Fact]
    public async Task A_streamed_body_without_a_declared_length_is_copied_whole()
    {
        using var client = host.CreateProxyClient();
        var payload = Encoding.ASCII.GetBytes(new string('x', MirrorHost.MaxBodyBytes));
        using var content = new StreamContent(new MemoryStream(payload));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/blob") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);
        var id = response.Headers.GetValues("X-Request-Id").Single();

        var copy = await CopyOfAsync(host.Copy, id);
        Assert.Equal("PUT", copy.Method);
        Assert.Equal(payload, copy.Body);
        Assert.Equal(payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), copy.Headers["Content-Length"]);
    }

    [Theory]
    [InlineData("//api//users?x=1", "/v2/users?x=1")]
    [InlineData("/api/./users", "/v2/users")]
    [InlineData("/x/../api/users", "/v2/users")]
    [InlineData("/api;p/users;jsessionid=1", "/v2/users")]
    [InlineData("/api%2Fusers", "/v2/users")]
    [InlineData("/api/a%2Fb", "/v2/a%2Fb")]
    [InlineData("/%61pi/users", "/v2/users")]
    public async Task Odd_spellings_reach_the_shadow_exactly_as_the_primary_got_them(string target, string expected)
    {
        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test", $"{MirrorHeaders.Marker}: 1", "X-Original-URL: /admin");
        Assert.True(status == 200, response);
        var id = HeaderOf(response, "X-Request-Id")!;

        var primary = host.PrimaryRecorder.WithRequestId(id)!;
        var copy = await CopyOfAsync(host.Copy, id);
        Assert.Equal(expected, primary.Target);
        Assert.Equal(expected, copy.Target);
        Assert.False(copy.Headers.ContainsKey("X-Original-URL"));
        Assert.False(primary.Headers.ContainsKey(MirrorHeaders.Marker));
    }

    [Fact]
    public async Task Bodies_beyond_the_bound_are_not_copied_and_are_counted()
    {
        var counters = host.Metrics.For("copy");
        var skipped = counters.Skipped(MirrorSkipReason.BodyTooLarge);
        var payload = new byte[MirrorHost.MaxBodyBytes + 1];
        Random.Shared.NextBytes(payload);
        using var client = host.CreateProxyClient();

        // Declared: refused at once. Streamed: found out while the primary gets it, byte for byte.
        var declared = await SendBodyAsync(client, new ByteArrayContent(payload));
        using var streamed = new StreamContent(new MemoryStream(payload));
        var chunked = await SendBodyAsync(client, streamed, chunked: true);

        await Eventually.TrueAsync(() => counters.Skipped(MirrorSkipReason.BodyTooLarge) == skipped + 2, Wait, "two skipped copies");
        foreach (var id in new[] { declared, chunked })
        {
            Assert.Equal(payload, host.PrimaryRecorder.WithRequestId(id)!.Body);
            Assert.Null(host.Copy.WithRequestId(id));
        }

        Assert.Matches($"appliance_mirror_copies_skipped_total\\{{route=\"copy\",reason=\"body-too-large\"\\}} {skipped + 2}\n", await host.ScrapeAsync());
    }

    [Fact]
    public async Task A_slow_shadow_leaves_the_clients_latency_as_it_was()
    {
        using var client = host.CreateProxyClient();
        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync($"/slow-shadow/{i}");
            clock.Stop();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("primary", await response.Content.ReadAsStringAsync());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"request {i} took {clock.Elapsed.TotalMilliseconds:0} ms while its copy waits 5 s");
        }

        // The copies did reach the shadow, which holds each for 5 s.
        await Eventually.TrueAsync(() => host.Slow.Received.Count >= 20, Wait, "the copies to reach the slow shadow");
    }

    [Fact]
    public async Task A_stopped_shadow_causes_no_client_error_and_is_counted()
    {
        using var client = host.CreateProxyClient();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.PostAsync($"/stopped-shadow/{i}", new StringContent("payload"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var counters = host.Metrics.For("stopped");
        await Eventually.TrueAsync(() => counters.Failed(MirrorFailure.Transport) == 10, Wait, "ten refused copies");
        Assert.Matches("appliance_mirror_errors_total\\{route=\"stopped\",reason=\"transport\"\\} 10\n", await host.ScrapeAsync());
        Assert.Equal(10, counters.Sent);
    }

    [Fact]
    public async Task A_shadow_pool_with_no_backend_in_rotation_causes_no_client_error_and_is_counted()
    {
        using var client = host.CreateProxyClient();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync($"/drained-shadow/{i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var counters = host.Metrics.For("drained");
        await Eventually.TrueAsync(() => counters.Failed(MirrorFailure.NoBackend) == 5, Wait, "five copies with nowhere to go");
        Assert.Equal(0, counters.Sent);
        Assert.Matches("appliance_mirror_errors_total\\{route=\"drained\",reason=\"no-backend\"\\} 5\n", await host.ScrapeAsync());
    }

    [Fact]
    public async Task The_shadows_status_classes_and_latency_are_counted_beside_the_primarys()
    {
        using var client = host.CreateProxyClient();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync($"/failing-shadow/{i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Eventually.TrueAsync(async () => (await host.ScrapeAsync()).Contains("appliance_mirror_responses_total{route=\"failing\",code=\"5xx\"} 10\n", StringComparison.Ordinal), Wait, "ten 503s counted");
        var metrics = await host.ScrapeAsync();
        Assert.Contains("appliance_mirror_responses_total{route=\"failing\",code=\"2xx\"} 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("appliance_mirror_response_duration_seconds_count{route=\"failing\"} 10\n", metrics, StringComparison.Ordinal);
        Assert.Contains("appliance_mirror_response_duration_seconds_bucket{route=\"failing\",le=\"+Inf\"} 10\n", metrics, StringComparison.Ordinal);
        Assert.Contains("appliance_route_requests_total{route=\"failing\",code=\"2xx\"} 10\n", metrics, StringComparison.Ordinal);

        var status = host.App.Services.GetRequiredService<MirrorReader>().Read().Single(r => r.Route == "failing");
        Assert.Equal((10, 0L), (status.Shadow.Status5xx, status.Shadow.Status2xx));
        Assert.Equal(10, status.Primary.Status2xx);
        Assert.NotNull(status.Shadow.P95Milliseconds);
        Assert.Equal(("shadow-failing", 100m), (status.Pool, status.Percent));
    }

    [Fact]
    public async Task A_websocket_is_not_copied_and_still_works()
    {
        var counters = host.Metrics.For("sockets");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{host.ProxyAddress.Authority}/ws"), CancellationToken.None);
        await socket.SendAsync("hello"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        Assert.Equal("primary:hello", Encoding.UTF8.GetString(buffer, 0, received.Count));
        Assert.Equal(1, counters.Skipped(MirrorSkipReason.Upgrade));
        Assert.Empty(host.Sockets.Received);
    }

    [Theory]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"primary","weight":1}],"mirror":{"pool":"nowhere","percent":10}}""", "mirror.pool")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"primary","weight":1}],"mirror":{"pool":"","percent":10}}""", "mirror.pool")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"primary","weight":1}],"mirror":{"pool":"primary","percent":10}}""", "mirror.pool")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"primary","weight":1}],"mirror":{"pool":"shadow-copy","percent":0}}""", "mirror.percent")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"primary","weight":1}],"mirror":{"pool":"shadow-copy","percent":100.5}}""", "mirror.percent")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"primary","weight":1}],"mirror":{"pool":"shadow-copy","percent":-5}}""", "mirror.percent")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"primary","weight":1}],"mirror":{"pool":"shadow-copy","percent":0.005}}""", "mirror.percent")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[],"redirect":{"location":"/x","status":302,"keepQuery":true},"mirror":{"pool":"shadow-copy","percent":10}}""", "mirror")]
    [InlineData("""{"name":"bad","path":"/bad","targets":[{"pool":"primary","weight":1}],"mirror":{"pool":"shadow-copy","percent":10,"extra":1}}""", "mirror")]
    public async Task Invalid_mirrors_are_refused_with_the_field_path(string json, string field)
    {
        using var response = await host.Api.PostAsync("/api/v1/routes", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Any(e => e.Name.StartsWith(field, StringComparison.Ordinal)), body);
    }

    [Fact]
    public async Task A_pool_that_a_route_mirrors_to_cannot_be_deleted()
    {
        using var response = await host.Api.DeleteAsync("/api/v1/pools/shadow-share10");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("mirror of route 'share10'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_then_import_keeps_the_mirror_and_the_change_is_audited()
    {
        await host.AddRouteAsync(new { name = "fraction", path = "/fraction", targets = new[] { new { pool = "primary", weight = 1 } }, mirror = new { pool = "shadow-copy", percent = 12.5m } });
        var exported = await host.Api.GetStringAsync("/api/v1/config");
        using var import = await host.Api.PutAsync("/api/v1/config", new StringContent(exported, Encoding.UTF8, "application/json"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var again = await host.Api.GetStringAsync("/api/v1/config");
        Assert.Equal(Routes(exported).GetRawText(), Routes(again).GetRawText());
        var mirror = Routes(again).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "fraction").GetProperty("mirror");
        Assert.Equal(("shadow-copy", 12.5m), (mirror.GetProperty("pool").GetString(), mirror.GetProperty("percent").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, Routes(again).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "plain").GetProperty("mirror").ValueKind);

        var audit = (await host.Api.GetStringAsync("/api/v1/audit?take=1000")).Replace("\u0022", "\"", StringComparison.Ordinal);
        Assert.Contains("\"mirror\":{\"pool\":\"shadow-copy\",\"percent\":12.5}", audit, StringComparison.Ordinal);
        await host.WaitForLiveConfigAsync();
    }

    private static JsonElement Routes(string document) => JsonDocument.Parse(document).RootElement.GetProperty("routes");

    private static async Task SendManyAsync(HttpClient client, int requests, Func<int, string> path)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                using var response = await client.GetAsync(path(i));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));
    }

    private static async Task<string> SendBodyAsync(HttpClient client, HttpContent content, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/upload") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("X-Request-Id").Single();
    }

    private static async Task<RecordedRequest> CopyOfAsync(RecordingBackend shadow, string requestId)
    {
        await Eventually.TrueAsync(() => shadow.WithRequestId(requestId) is not null, Wait, $"the copy of {requestId}");
        return shadow.WithRequestId(requestId)!;
    }

    private static string? HeaderOf(string response, string name) =>
        response.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
}
