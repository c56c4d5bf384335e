using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Admin;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;
using Npgsql;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL share the Data Protection key ring (in the database, encrypted
/// with the key file every node is given): what one node protects, the other reads.
/// </summary>
public sealed class SharedSecretsTests(SharedSecretsTests.SeededCluster cluster) : IClassFixture<SharedSecretsTests.SeededCluster>
{
    [Fact]
    public async Task An_admin_session_made_on_one_node_is_accepted_by_the_other()
    {
        using var onA = new AdminBrowser(cluster.A.Api.BaseAddress!);
        (await onA.SubmitAsync("/login", "login", SignInTests.Credentials("ops", "initial passphrase 1"))).Dispose();
        var cookies = onA.Cookies.GetCookieHeader(cluster.A.Api.BaseAddress!);
        Assert.Contains("appliance_admin", cookies);

        using var onB = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = cluster.B.Api.BaseAddress };
        using (var anonymous = await onB.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookies);
        using var signedIn = await onB.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_api_token_made_on_one_node_works_on_the_other()
    {
        using var created = await cluster.A.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "shared-bot", role = "Viewer" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        using var onB = new HttpClient { BaseAddress = cluster.B.Api.BaseAddress };
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/pools")).StatusCode);
    }

    [Fact]
    public async Task A_certificate_uploaded_on_one_node_is_served_by_the_other()
    {
        // Its private key is stored encrypted with the shared ring: B serves it only if it can decrypt what A wrote.
        var (chain, key) = TestCertificates.Issue(["shared.secrets.test"]);
        using var uploaded = await cluster.A.Api.PostAsJsonAsync("/api/v1/certificates", new { name = "shared-cert", pem = chain, key });
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        await cluster.B.WaitForLiveConfigAsync();

        var served = await TlsClient.ServedCertificateAsync(cluster.B.HttpsAddress, "shared.secrets.test");
        Assert.Contains("shared.secrets.test", Appliance.Data.Certificates.CertificateImporter.HostnamesOf(served));
    }

    [Fact]
    public async Task A_sticky_cookie_issued_by_one_node_keeps_the_client_on_its_variant_on_the_other()
    {
        // Sticky cookies are not Data Protection payloads: they name a hash of route and pool, which
        // every node computes alike from the shared configuration. This checks that it holds across nodes.
        await using var first = await TestBackend.StartAsync("variant-1");
        await using var second = await TestBackend.StartAsync("variant-2");
        await cluster.A.AddPoolAsync(new { name = "sticky-1", backends = new[] { new { address = first.Address } } });
        await cluster.A.AddPoolAsync(new { name = "sticky-2", backends = new[] { new { address = second.Address } } });
        await cluster.A.AddRouteAsync(new
        {
            name = "sticky-shared",
            hosts = new[] { "sticky.shared.test" },
            sticky = true,
            targets = new[] { new { pool = "sticky-1", weight = 50 }, new { pool = "sticky-2", weight = 50 } },
        });
        await cluster.A.WaitForLiveConfigAsync();
        await cluster.B.WaitForLiveConfigAsync();

        using var onA = cluster.A.CreateProxyClient();
        using var onB = cluster.B.CreateProxyClient();
        for (var clientNumber = 0; clientNumber < 4; clientNumber++)
        {
            using var issued = await onA.GetWithHostAsync("sticky.shared.test", "/");
            var variant = await issued.Content.ReadAsStringAsync();
            var cookie = issued.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            for (var i = 0; i < 8; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/page");
                request.Headers.Host = "sticky.shared.test";
                request.Headers.Add("Cookie", cookie);
                using var response = await onB.SendAsync(request);
                Assert.Equal(variant, await response.Content.ReadAsStringAsync());
                Assert.False(response.Headers.Contains("Set-Cookie"));
            }
        }
    }

    [Fact]
    public async Task The_ring_in_the_database_holds_no_key_in_plain_text()
    {
        // Signing in protects a cookie, so the ring has at least one key by now.
        using var onA = new AdminBrowser(cluster.A.Api.BaseAddress!);
        (await onA.SubmitAsync("/login", "login", SignInTests.Credentials("ops", "initial passphrase 1"))).Dispose();

        var rows = new List<string>();
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "Xml" FROM "DataProtectionKeys" """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.Contains("<keyFileEncrypted", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });

        // And nothing is written to the data directory instead.
        Assert.False(Directory.Exists(Path.Combine(cluster.A.DataDirectory, "keys")) && Directory.EnumerateFiles(Path.Combine(cluster.A.DataDirectory, "keys")).Any());
    }

    public sealed class SeededCluster : ApplianceCluster
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Admin:InitialUser"] = "ops",
            ["Appliance:Admin:InitialPassword"] = "initial passphrase 1",
            ["Appliance:Proxy:ConfigPollSeconds"] = "1",
        };
    }
}
