using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls.Acme;

public sealed class AcmeIssuanceTests(PebbleApplianceHost host) : IClassFixture<PebbleApplianceHost>, IAsyncLifetime
{
    private TestBackend _backend = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync("acme");
        using var existing = await host.Api.GetAsync("/api/v1/pools/acme");
        if (existing.StatusCode == HttpStatusCode.NotFound)
        {
            await host.AddPoolAsync(new { name = "acme", backends = new[] { new { address = _backend.Address } } });
        }
        else
        {
            (await host.Api.PutAsJsonAsync("/api/v1/pools/acme", new { name = "acme", backends = new[] { new { address = _backend.Address } } })).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task A_certificate_is_issued_over_HTTP_01_through_the_data_plane_and_served_with_Pebbles_chain()
    {
        // The route redirects to HTTPS: the challenge must be answered anyway, ahead of routing.
        await host.AddRouteAsync(new { name = "app", hosts = new[] { "app.test" }, targets = new[] { new { pool = "acme", weight = 1 } }, httpsRedirect = true });
        using var requested = await host.Api.PostAsJsonAsync("/api/v1/certificates/acme", new { name = "app", hostnames = new[] { "app.test" } });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        Assert.Equal("Pending", (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var certificate = await WaitForStatusAsync("app", "Valid");
        Assert.Equal("Acme", certificate.GetProperty("source").GetString());
        Assert.Equal(["app.test"], certificate.GetProperty("hostnames").EnumerateArray().Select(h => h.GetString()));
        Assert.Contains("Pebble", certificate.GetProperty("issuer").GetString());
        await host.WaitForLiveConfigAsync();

        // The served chain verifies against Pebble's root, through the intermediate the appliance sends.
        var root = await host.Pebble.GetIssuingRootAsync();
        var (leaf, verified, chainLength) = await HandshakeAsync("app.test", root);
        Assert.Equal(["app.test"], Appliance.Data.Certificates.CertificateImporter.HostnamesOf(leaf));
        Assert.True(verified, "The served chain does not verify against Pebble's root.");
        Assert.True(chainLength >= 3, $"Expected leaf, intermediate and root; the chain had {chainLength} element(s).");

        using var https = TlsClient.CreateHttpsClient(host.HttpsAddress);
        Assert.Equal("acme", await https.GetStringAsync("https://app.test/"));

        var audit = await host.Api.GetStringAsync("/api/v1/audit?take=1000");
        Assert.Contains("\"action\":\"Issue\"", audit.Replace(" ", "", StringComparison.Ordinal));
        Assert.DoesNotContain("PRIVATE KEY", audit);
    }

    [Fact]
    public async Task A_route_with_tls_auto_gets_its_certificate_without_anyone_asking()
    {
        await host.AddRouteAsync(new { name = "shop", hosts = new[] { "shop.test", "www.shop.test" }, targets = new[] { new { pool = "acme", weight = 1 } }, tls = "auto" });

        var certificate = await WaitForStatusAsync("auto-shop", "Valid");
        Assert.Equal(["shop.test", "www.shop.test"], certificate.GetProperty("hostnames").EnumerateArray().Select(h => h.GetString()).Order());
        await host.WaitForLiveConfigAsync();
        var (leaf, verified, _) = await HandshakeAsync("www.shop.test", await host.Pebble.GetIssuingRootAsync());
        Assert.True(verified);
        Assert.Contains("www.shop.test", Appliance.Data.Certificates.CertificateImporter.HostnamesOf(leaf));

        // The route manages it: it cannot be deleted from under the route.
        using var delete = await host.Api.DeleteAsync("/api/v1/certificates/auto-shop");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);

        // When the route stops asking for it, the certificate goes rather than renewing for nothing.
        using var off = await host.Api.PutAsJsonAsync("/api/v1/routes/shop", new { hosts = new[] { "shop.test", "www.shop.test" }, targets = new[] { new { pool = "acme", weight = 1 } }, tls = "off" });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        await Eventually.TrueAsync(
            async () => (await host.Api.GetAsync("/api/v1/certificates/auto-shop")).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(10),
            "the automatic certificate to be removed");
    }

    [Fact]
    public async Task A_failed_validation_shows_the_servers_reason_on_the_certificate()
    {
        // Pebble's DNS sends the validator to an address where nothing listens.
        await host.Pebble.SetAddressAsync("unreachable.test", "127.0.0.2");
        using var requested = await host.Api.PostAsJsonAsync("/api/v1/certificates/acme", new { name = "unreachable", hostnames = new[] { "unreachable.test" } });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);

        var certificate = await WaitForStatusAsync("unreachable", "Failed");
        var lastError = certificate.GetProperty("lastError").GetString();
        Assert.Contains("unreachable.test", lastError);
        Assert.Contains("connect", lastError, StringComparison.OrdinalIgnoreCase);
        Assert.True(certificate.GetProperty("nextAttemptAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(4), "A failure is retried with backoff, not at once.");
        Assert.Equal(JsonValueKind.Null, certificate.GetProperty("notAfter").ValueKind);
    }

    private async Task<JsonElement> WaitForStatusAsync(string name, string status)
    {
        JsonElement certificate = default;
        await Eventually.TrueAsync(
            async () =>
            {
                // An automatic certificate appears a moment after its route is saved.
                using var response = await host.Api.GetAsync($"/api/v1/certificates/{name}");
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return false;
                }

                certificate = await response.Content.ReadFromJsonAsync<JsonElement>();
                return certificate.GetProperty("status").GetString() == status;
            },
            TimeSpan.FromSeconds(45),
            () => $"certificate {name} to become {status}; it is {certificate}\n{host.Pebble.Output()}");
        return certificate;
    }

    private async Task<(X509Certificate2 Leaf, bool Verified, int ChainLength)> HandshakeAsync(string serverName, X509Certificate2 root)
    {
        var verified = false;
        var chainLength = 0;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.HttpsAddress.Host, host.HttpsAddress.Port);
        await using var ssl = new SslStream(tcp.GetStream(), false, (_, certificate, chain, _) =>
        {
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.Add(root);
            custom.ChainPolicy.ExtraStore.AddRange(chain!.ChainPolicy.ExtraStore);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            custom.ChainPolicy.DisableCertificateDownloads = true;
            verified = custom.Build(new X509Certificate2(certificate!));
            chainLength = custom.ChainElements.Count;
            return true;
        });
        await ssl.AuthenticateAsClientAsync(serverName);
        return (new X509Certificate2(ssl.RemoteCertificate!), verified, chainLength);
    }
}
