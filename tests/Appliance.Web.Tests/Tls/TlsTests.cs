using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls;

public sealed class TlsTests(ApplianceHost host) : IClassFixture<ApplianceHost>, IAsyncLifetime
{
    private TestBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await TestBackend.StartAsync("tls");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task Certificates_are_chosen_by_SNI_exact_name_first_then_wildcard_then_the_fallback()
    {
        await UploadAsync("sni-exact", ["exact.sni.test"]);
        await UploadAsync("sni-wildcard", ["*.sni.test"]);
        await host.WaitForLiveConfigAsync();

        Assert.Contains("exact.sni.test", Names(await TlsClient.ServedCertificateAsync(host.HttpsAddress, "exact.sni.test")));
        Assert.Contains("*.sni.test", Names(await TlsClient.ServedCertificateAsync(host.HttpsAddress, "other.sni.test")));

        // A wildcard covers one label only; unknown names and clients without SNI get the fallback.
        foreach (var name in new[] { "a.b.sni.test", "unknown.test", null })
        {
            var fallback = await TlsClient.ServedCertificateAsync(host.HttpsAddress, name);
            Assert.Equal("CN=appliance.invalid", fallback.Subject);
        }

        // The fallback is generated once and kept: the same on the next connection.
        Assert.Equal(
            (await TlsClient.ServedCertificateAsync(host.HttpsAddress, null)).Thumbprint,
            (await TlsClient.ServedCertificateAsync(host.HttpsAddress, "unknown.test")).Thumbprint);
    }

    [Fact]
    public async Task A_new_certificate_is_served_from_the_next_handshake_while_open_connections_keep_working()
    {
        await AddRouteAsync("live-cert", "live.tls.test");
        await host.WaitForLiveConfigAsync();
        await using var before = await TlsClient.ConnectAsync(host.HttpsAddress, "live.tls.test");
        Assert.Equal("CN=appliance.invalid", before.RemoteCertificate!.Subject);

        await UploadAsync("live-cert", ["live.tls.test"]);
        await host.WaitForLiveConfigAsync();

        Assert.Contains("live.tls.test", Names(await TlsClient.ServedCertificateAsync(host.HttpsAddress, "live.tls.test")));

        // The connection opened before the change still carries requests.
        await before.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: live.tls.test\r\nConnection: close\r\n\r\n"));
        var response = await new StreamReader(before).ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 200", response);
        Assert.EndsWith("tls", response);
    }

    [Fact]
    public async Task Only_TLS_1_2_and_1_3_with_AEAD_suites_are_accepted_and_HTTP_2_is_negotiated()
    {
        await UploadAsync("policy", ["policy.tls.test"]);
        await AddRouteAsync("policy", "policy.tls.test");
        await host.WaitForLiveConfigAsync();

        await using (var tls13 = await TlsClient.ConnectAsync(host.HttpsAddress, "policy.tls.test", SslProtocols.Tls13))
        {
            Assert.Equal(SslProtocols.Tls13, tls13.SslProtocol);
        }

        await using (var tls12 = await TlsClient.ConnectAsync(host.HttpsAddress, "policy.tls.test", SslProtocols.Tls12))
        {
            Assert.Equal(SslProtocols.Tls12, tls12.SslProtocol);
            Assert.Contains("GCM", tls12.NegotiatedCipherSuite.ToString());
            Assert.StartsWith("TLS_ECDHE_", tls12.NegotiatedCipherSuite.ToString());
        }

        // OpenSSL as the client, told to offer what the appliance must refuse: the control
        // handshake with an AEAD suite succeeds, so the refusals are the server's doing.
        var endpoint = $"{host.HttpsAddress.Host}:{host.HttpsAddress.Port}";
        Assert.Equal(0, await OpenSslAsync(endpoint, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256"));
        Assert.NotEqual(0, await OpenSslAsync(endpoint, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384:@SECLEVEL=0"));
        Assert.NotEqual(0, await OpenSslAsync(endpoint, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0"));
        Assert.NotEqual(0, await OpenSslAsync(endpoint, "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0"));

        using var http2 = TlsClient.CreateHttpsClient(host.HttpsAddress, HttpVersion.Version20);
        using var response = await http2.GetAsync("https://policy.tls.test/");
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal("tls", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plain_HTTP_is_redirected_301_or_308_and_HTTPS_responses_carry_HSTS()
    {
        await UploadAsync("secure", ["secure.tls.test"]);
        var route = await host.Api.PostAsJsonAsync("/api/v1/routes", new
        {
            name = "secure",
            hosts = new[] { "secure.tls.test" },
            targets = new[] { new { pool = await PoolAsync(), weight = 1 } },
            tls = "secure",
            httpsRedirect = true,
            hstsMaxAgeSeconds = 31536000,
        });
        Assert.Equal(HttpStatusCode.Created, route.StatusCode);
        await host.WaitForLiveConfigAsync();

        using var http = host.CreateProxyClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using (var get = await http.GetWithHostAsync("secure.tls.test", "/cart?id=7"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, get.StatusCode);
            Assert.Equal($"https://secure.tls.test:{host.HttpsAddress.Port}/cart?id=7", get.Headers.Location?.OriginalString);
            Assert.False(get.Headers.Contains("Strict-Transport-Security"));
        }

        using (var post = new HttpRequestMessage(HttpMethod.Post, "/checkout") { Content = new StringContent("x") })
        {
            post.Headers.Host = "secure.tls.test";
            using var response = await http.SendAsync(post);
            Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        }

        Assert.Equal(0, _backend.ReceivedHeaders.Count(h => h.TryGetValue("Host", out var hostHeader) && hostHeader.StartsWith("secure", StringComparison.Ordinal)));

        using var https = TlsClient.CreateHttpsClient(host.HttpsAddress);
        using var secure = await https.GetAsync("https://secure.tls.test/cart");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("https", _backend.ReceivedHeaders.Last()["X-Forwarded-Proto"]);
    }

    [Fact]
    public async Task Plain_HTTP_is_redirected_before_basic_auth_or_a_rate_limit_sees_it_so_credentials_never_travel_in_clear()
    {
        await UploadAsync("guarded", ["guarded.tls.test"]);
        using (var list = await host.Api.PostAsJsonAsync("/api/v1/access-lists", new { name = "guarded", defaultAction = "Allow", basicAuthUsers = new[] { new { user = "ops", password = "correct horse battery" } } }))
        {
            Assert.Equal(HttpStatusCode.Created, list.StatusCode);
        }

        using (var limit = await host.Api.PostAsJsonAsync("/api/v1/rate-limits", new { name = "guarded", permits = 1, periodSeconds = 60, burst = 1 }))
        {
            Assert.Equal(HttpStatusCode.Created, limit.StatusCode);
        }

        await host.AddRouteAsync(new
        {
            name = "guarded",
            hosts = new[] { "guarded.tls.test" },
            targets = new[] { new { pool = await PoolAsync(), weight = 1 } },
            tls = "guarded",
            httpsRedirect = true,
            accessList = "guarded",
            rateLimit = "guarded",
        });
        await host.WaitForLiveConfigAsync();

        using var http = host.CreateProxyClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
            request.Headers.Host = "guarded.tls.test";
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:correct horse battery")));
            using var response = await http.SendAsync(request);

            // Neither a challenge nor a pass over plain HTTP, and no rate-limit token spent.
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.False(response.Headers.Contains("WWW-Authenticate"));
        }

        Assert.DoesNotContain(_backend.ReceivedHeaders, h => h.TryGetValue("Host", out var hostHeader) && hostHeader.StartsWith("guarded", StringComparison.Ordinal));

        using var https = TlsClient.CreateHttpsClient(host.HttpsAddress);
        using var challenged = await https.GetAsync("https://guarded.tls.test/account");
        Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
    }

    [Fact]
    public async Task Bad_uploads_are_refused_with_the_reason_and_keys_never_leave_the_appliance()
    {
        var (chain, key) = TestCertificates.Issue(["keys.tls.test"]);
        var (_, otherKey) = TestCertificates.Issue(["other.tls.test"]);
        var (expiredChain, expiredKey) = TestCertificates.Issue(["old.tls.test"], DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));

        await AssertRefusedAsync(new { name = "bad-pem", pem = "not a certificate", key }, "pem", "No certificate found");
        await AssertRefusedAsync(new { name = "bad-key", pem = chain, key = otherKey }, "key", "does not belong to the certificate");
        await AssertRefusedAsync(new { name = "bad-key-text", pem = chain, key = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" }, "key", "not a PEM RSA or EC key");
        await AssertRefusedAsync(new { name = "expired", pem = expiredChain, key = expiredKey }, "pem", "expired on");
        await AssertRefusedAsync(new { name = "bad-pfx", pfx = TestCertificates.IssuePfxBase64(["pfx.tls.test"], "right"), password = "wrong" }, "pfx", "password is wrong");
        await AssertRefusedAsync(new { name = "Bad Name", pem = chain, key }, "name", "lower-case");

        // A PFX with the right password is accepted, and nothing the API answers carries a key.
        using var pfx = await host.Api.PostAsJsonAsync("/api/v1/certificates", new { name = "pfx-ok", pfx = TestCertificates.IssuePfxBase64(["pfx.tls.test"], "right"), password = "right" });
        Assert.Equal(HttpStatusCode.Created, pfx.StatusCode);
        using var uploaded = await host.Api.PostAsJsonAsync("/api/v1/certificates", new { name = "keys", pem = chain, key });
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var created = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["keys.tls.test"], created.GetProperty("hostnames").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("Uploaded", created.GetProperty("source").GetString());
        Assert.Equal("Valid", created.GetProperty("status").GetString());
        Assert.Equal("CN=Appliance Test CA", created.GetProperty("issuer").GetString());

        var keyBody = key.Split('\n')[1];
        var answers = new[]
        {
            await uploaded.Content.ReadAsStringAsync(),
            await pfx.Content.ReadAsStringAsync(),
            await host.Api.GetStringAsync("/api/v1/certificates"),
            await host.Api.GetStringAsync("/api/v1/certificates/keys"),
            await host.Api.GetStringAsync("/api/v1/audit?take=1000"),
            await host.Api.GetStringAsync("/api/v1/config"),
        };
        Assert.All(answers, answer =>
        {
            Assert.DoesNotContain("PRIVATE KEY", answer);
            Assert.DoesNotContain(keyBody, answer);
        });

        // At rest the key is encrypted: the database file does not hold it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var database = await File.ReadAllBytesAsync(Path.Combine(host.DataDirectory, "appliance.db"));
        var wal = Path.Combine(host.DataDirectory, "appliance.db-wal");
        var text = Encoding.ASCII.GetString(database) + (File.Exists(wal) ? Encoding.ASCII.GetString(await ReadSharedAsync(wal)) : "");
        Assert.DoesNotContain(keyBody, text);
        Assert.DoesNotContain("PRIVATE KEY", text);
    }

    [Fact]
    public async Task Routes_refuse_unknown_certificates_and_automatic_wildcards_and_certificates_in_use_cannot_be_deleted()
    {
        var pool = await PoolAsync();
        using var unknown = await host.Api.PostAsJsonAsync("/api/v1/routes", new { name = "no-cert", hosts = new[] { "no.tls.test" }, targets = new[] { new { pool, weight = 1 } }, tls = "missing" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("There is no certificate named 'missing'", await unknown.Content.ReadAsStringAsync());

        using var wildcard = await host.Api.PostAsJsonAsync("/api/v1/routes", new { name = "wild-auto", hosts = new[] { "*.wild.test" }, targets = new[] { new { pool, weight = 1 } }, tls = "auto" });
        Assert.Equal(HttpStatusCode.BadRequest, wildcard.StatusCode);
        Assert.Contains("DNS-01", await wildcard.Content.ReadAsStringAsync());

        using var acmeWildcard = await host.Api.PostAsJsonAsync("/api/v1/certificates/acme", new { name = "wild", hostnames = new[] { "*.wild.test" } });
        Assert.Equal(HttpStatusCode.BadRequest, acmeWildcard.StatusCode);
        Assert.Contains("DNS-01", await acmeWildcard.Content.ReadAsStringAsync());

        await UploadAsync("in-use", ["in-use.tls.test"]);
        using var route = await host.Api.PostAsJsonAsync("/api/v1/routes", new { name = "in-use", hosts = new[] { "in-use.tls.test" }, targets = new[] { new { pool, weight = 1 } }, tls = "in-use" });
        Assert.Equal(HttpStatusCode.Created, route.StatusCode);
        using var delete = await host.Api.DeleteAsync("/api/v1/certificates/in-use");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("route 'in-use'", await delete.Content.ReadAsStringAsync());

        using var renewUploaded = await host.Api.PostAsync("/api/v1/certificates/in-use/renew", null);
        Assert.Equal(HttpStatusCode.Conflict, renewUploaded.StatusCode);
    }

    private async Task<string> PoolAsync()
    {
        var name = "tls-pool";
        using var existing = await host.Api.GetAsync($"/api/v1/pools/{name}");
        if (existing.StatusCode == HttpStatusCode.NotFound)
        {
            await host.AddPoolAsync(new { name, backends = new[] { new { address = _backend.Address } } });
        }
        else
        {
            await host.Api.PutAsJsonAsync($"/api/v1/pools/{name}", new { name, backends = new[] { new { address = _backend.Address } } });
        }

        return name;
    }

    private async Task AddRouteAsync(string name, string hostName) =>
        await host.AddRouteAsync(new { name, hosts = new[] { hostName }, targets = new[] { new { pool = await PoolAsync(), weight = 1 } } });

    private async Task UploadAsync(string name, string[] hostnames)
    {
        var (chain, key) = TestCertificates.Issue(hostnames);
        using var response = await host.Api.PostAsJsonAsync("/api/v1/certificates", new { name, pem = chain, key });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task AssertRefusedAsync(object upload, string field, string message)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/certificates", upload);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.Contains(messages, m => m.Contains(message, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Names(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        Appliance.Data.Certificates.CertificateImporter.HostnamesOf(certificate);

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    // openssl s_client's exit code says whether the handshake succeeded.
    private static async Task<int> OpenSslAsync(string endpoint, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["s_client", "-connect", endpoint, "-servername", "policy.tls.test", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await Task.WhenAll(output, errors);
        return process.ExitCode;
    }
}
