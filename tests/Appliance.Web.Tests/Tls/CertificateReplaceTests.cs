using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls;

/// <summary>
/// <c>PUT /api/v1/certificates/{name}</c> against the real data plane: a certificate a route uses is
/// rotated while clients keep connecting, none of them fails, and once the new one is served the
/// old one never comes back; a bad successor leaves the old one serving.
/// </summary>
public sealed class CertificateReplaceTests(ApplianceHost host) : IClassFixture<ApplianceHost>, IAsyncLifetime
{
    private TestBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await TestBackend.StartAsync("rotated");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task A_certificate_a_route_uses_is_replaced_and_served_from_the_next_handshake_with_no_failed_handshake_in_between()
    {
        var old = await UploadAsync("rotate", ["rotate.tls.test"]);
        await AddRouteAsync("rotate", "rotate", "rotate.tls.test");
        await host.WaitForLiveConfigAsync();
        Assert.Equal(old, await ServedThumbprintAsync("rotate.tls.test"));

        // Clients keep opening connections throughout: each sees the old or the new certificate, never an error.
        using var stop = new CancellationTokenSource();
        var seen = new ConcurrentQueue<string>[] { new(), new() };
        var failures = new ConcurrentQueue<Exception>();
        var loops = seen.Select(queue => Task.Run(() => HandshakeLoopAsync(queue, failures, stop.Token))).ToArray();
        await Eventually.TrueAsync(() => seen.All(q => q.Count >= 3), TimeSpan.FromSeconds(20), "handshakes before the replacement");

        var (chain, key) = TestCertificates.Issue(["rotate.tls.test", "www.rotate.tls.test"]);
        using var replaced = await host.Api.PutAsJsonAsync("/api/v1/certificates/rotate", new { pem = chain, key });
        Assert.True(replaced.StatusCode == HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        var info = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        var fresh = info.GetProperty("thumbprint").GetString()!;
        Assert.NotEqual(old, fresh);
        Assert.Equal(["rotate"], info.GetProperty("usedBy").EnumerateArray().Select(r => r.GetString()));

        // The revision that carries it goes live, and from then on every handshake serves it.
        await host.WaitForLiveConfigAsync();
        Assert.Equal(fresh, await ServedThumbprintAsync("rotate.tls.test"));
        var counts = seen.Select(q => q.Count).ToArray();
        await Eventually.TrueAsync(() => seen.Select((q, i) => q.Count >= counts[i] + 3).All(b => b), TimeSpan.FromSeconds(20), "handshakes after the replacement");
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.Empty(failures);
        foreach (var queue in seen)
        {
            var thumbprints = queue.ToArray();
            Assert.All(thumbprints, t => Assert.Contains(t, new[] { old, fresh }));
            Assert.Equal(old, thumbprints[0]);
            Assert.Equal(fresh, thumbprints[^1]);

            // Once served, the new one stays: no handshake went back to the old one.
            var first = Array.IndexOf(thumbprints, fresh);
            Assert.DoesNotContain(old, thumbprints[first..]);
        }

        // Requests go through on the new certificate.
        using var https = TlsClient.CreateHttpsClient(host.HttpsAddress);
        Assert.Equal("rotated", await https.GetStringAsync("https://rotate.tls.test/"));
    }

    [Fact]
    public async Task A_bad_successor_is_refused_with_its_reason_and_the_old_certificate_keeps_serving()
    {
        var old = await UploadAsync("kept", ["kept.tls.test", "api.kept.tls.test"]);
        await AddRouteAsync("kept", "kept", "kept.tls.test", "api.kept.tls.test");
        await host.WaitForLiveConfigAsync();

        var (chain, _) = TestCertificates.Issue(["kept.tls.test", "api.kept.tls.test"]);
        var (_, foreignKey) = TestCertificates.Issue(["elsewhere.test"]);
        await AssertRefusedAsync("kept", new { pem = chain, key = foreignKey }, "key", "does not belong to the certificate");

        var (narrow, narrowKey) = TestCertificates.Issue(["kept.tls.test"]);
        await AssertRefusedAsync("kept", new { pem = narrow, key = narrowKey }, "pem", "does not cover api.kept.tls.test (route 'kept')");

        var (expired, expiredKey) = TestCertificates.Issue(["kept.tls.test", "api.kept.tls.test"], DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        await AssertRefusedAsync("kept", new { pem = expired, key = expiredKey }, "pem", "expired");
        await AssertRefusedAsync("kept", new { pfx = "bm90IGEgcGZ4", password = "x" }, "pfx", "not a PKCS#12");
        await AssertRefusedAsync("kept", new { name = "renamed", pem = chain, key = foreignKey }, "name", "cannot be changed");

        await host.WaitForLiveConfigAsync();
        Assert.Equal(old, await ServedThumbprintAsync("kept.tls.test"));
        Assert.Equal(old, await ServedThumbprintAsync("api.kept.tls.test"));
        Assert.Equal(old, (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/certificates/kept")).GetProperty("thumbprint").GetString());
    }

    [Fact]
    public async Task Used_by_lists_the_routes_and_unknown_names_ACME_certificates_and_viewers_cannot_replace()
    {
        var listed = await UploadAsync("listed", ["listed.tls.test", "two.listed.tls.test"]);
        await UploadAsync("unused", ["unused.tls.test"]);
        await AddRouteAsync("listed-b", "listed", "two.listed.tls.test");
        await AddRouteAsync("listed-a", "listed", "listed.tls.test");

        var all = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/certificates");
        string[] UsedBy(string name) => all.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name)
            .GetProperty("usedBy").EnumerateArray().Select(r => r.GetString()!).ToArray();
        Assert.Equal(["listed-a", "listed-b"], UsedBy("listed"));
        Assert.Empty(UsedBy("unused"));
        Assert.Equal(["listed-a", "listed-b"], (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/certificates/listed")).GetProperty("usedBy").EnumerateArray().Select(r => r.GetString()));

        var (chain, key) = TestCertificates.Issue(["listed.tls.test", "two.listed.tls.test"]);
        var body = new { pem = chain, key };

        // The name in the URL is exact: another spelling names no certificate (or is no request at all), and nothing is replaced.
        foreach (var path in new[] { "LISTED", "listed%2Fx", "listed%20", "listed;x", "listed%00" })
        {
            using var odd = await host.Api.PutAsJsonAsync($"/api/v1/certificates/{path}", body);
            Assert.True(odd.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {(int)odd.StatusCode}");
        }

        using (var acme = await host.Api.PostAsJsonAsync("/api/v1/certificates/acme", new { name = "ordered", hostnames = new[] { "ordered.tls.test" } }))
        {
            Assert.Equal(HttpStatusCode.Accepted, acme.StatusCode);
        }

        using (var refused = await host.Api.PutAsJsonAsync("/api/v1/certificates/ordered", body))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("obtained from ACME", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        using var created = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "cert-viewer", role = "Viewer" });
        using var viewer = new HttpClient { BaseAddress = host.Api.BaseAddress };
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        using (var forbidden = await viewer.PutAsJsonAsync("/api/v1/certificates/listed", body))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        Assert.Equal(listed, (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/certificates/listed")).GetProperty("thumbprint").GetString());
    }

    private async Task HandshakeLoopAsync(ConcurrentQueue<string> seen, ConcurrentQueue<Exception> failures, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                seen.Enqueue(await ServedThumbprintAsync("rotate.tls.test"));
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        }
    }

    private async Task<string> ServedThumbprintAsync(string serverName)
    {
        using var served = await TlsClient.ServedCertificateAsync(host.HttpsAddress, serverName);
        return served.Thumbprint;
    }

    private async Task<string> UploadAsync(string name, string[] hostnames)
    {
        var (chain, key) = TestCertificates.Issue(hostnames);
        using var response = await host.Api.PostAsJsonAsync("/api/v1/certificates", new { name, pem = chain, key });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("thumbprint").GetString()!;
    }

    private async Task AddRouteAsync(string name, string tls, params string[] hosts)
    {
        await host.AddPoolAsync(new { name = name + "-pool", backends = new[] { new { address = _backend.Address } } });
        await host.AddRouteAsync(new { name, hosts, tls, targets = new[] { new { pool = name + "-pool", weight = 1 } } });
    }

    private async Task AssertRefusedAsync(string name, object upload, string field, string message)
    {
        using var response = await host.Api.PutAsJsonAsync($"/api/v1/certificates/{name}", upload);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.Contains(messages, m => m.Contains(message, StringComparison.Ordinal));
    }
}
