using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Appliance.Data.Certificates;
using Appliance.Data.Cluster;
using Appliance.Engine.Tls.Acme;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls.Acme;

/// <summary>ACME with three nodes on one database: one order per certificate, answered by whichever node the CA reaches, served by all.</summary>
public sealed class AcmeClusterTests(PebbleCluster cluster) : IClassFixture<PebbleCluster>
{
    [Fact]
    public async Task Tls_auto_certificates_are_ordered_once_each_on_one_account_validated_by_other_nodes_and_served_by_every_node()
    {
        await using var backend = await TestBackend.StartAsync("clustered");
        await cluster.A.AddPoolAsync(new { name = "web", backends = new[] { new { address = backend.Address } } });
        await cluster.A.AddRouteAsync(new { name = "web", hosts = new[] { "web.test" }, targets = new[] { new { pool = "web", weight = 1 } }, tls = "auto" });
        await cluster.A.AddRouteAsync(new { name = "shop", hosts = new[] { "shop.test" }, targets = new[] { new { pool = "web", weight = 1 } }, tls = "auto" });

        // Every node's worker looks at once, as after a restart of all three: they race for the
        // orders, and two nodes ordering at once race to register the account.
        foreach (var node in cluster.Nodes)
        {
            node.App.Services.GetRequiredService<AcmeWorkSignal>().Notify();
        }

        foreach (var name in PebbleCluster.CertificateNames)
        {
            var certificate = await WaitForOutcomeAsync(name);
            Assert.True(certificate.GetProperty("status").GetString() == "Valid", certificate.ToString());
        }

        // Every node serves them from its next handshake after the new revision reaches it.
        foreach (var node in cluster.Nodes)
        {
            foreach (var host in new[] { "web.test", "shop.test" })
            {
                await Eventually.TrueAsync(
                    async () => (await Tls.TlsClient.ServedCertificateAsync(node.HttpsAddress, host)).Issuer.Contains("Pebble", StringComparison.Ordinal),
                    TimeSpan.FromSeconds(15),
                    $"{node.Name} to serve the issued certificate for {host}");
            }
        }

        // Exactly one order per certificate and one account. The CA reached only nodes that held
        // no lease at that moment, and they answered.
        long orders = 0;
        foreach (var node in cluster.Nodes)
        {
            orders += await MetricAsync(node, "appliance_acme_orders_total");
        }

        Assert.Equal(2, orders);
        var audit = await cluster.A.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=1000");
        Assert.Single(audit.EnumerateArray(), e => e.GetProperty("entityType").GetString() == "acme-account" && e.GetProperty("entityName").GetString() == cluster.Pebble.DirectoryUrl);
        var forwarded = cluster.Forwarder.Forwarded.ToArray();
        Assert.NotEmpty(forwarded);
        Assert.All(forwarded, f => Assert.StartsWith("HTTP/1.1 200", f.FirstLine, StringComparison.Ordinal));

        // The answers are withdrawn with the orders, and the leases given back.
        var leases = cluster.A.App.Services.GetRequiredService<LeaseStore>();
        foreach (var name in PebbleCluster.CertificateNames)
        {
            Assert.Null(await leases.GetHolderAsync(AcmeWorker.LeaseName(name)));
        }

        Assert.False(await cluster.A.App.Services.GetRequiredService<AcmeChallengeStore>().AnyLiveAsync());
    }

    [Fact]
    public async Task Nodes_connecting_at_once_without_an_account_register_one_and_share_it()
    {
        // A directory spelling no test used yet (Pebble ignores the query): no account exists for it.
        var options = new AcmeOptions
        {
            DirectoryUrl = cluster.Pebble.DirectoryUrl + "?race=" + Guid.NewGuid().ToString("N"),
            Email = "ops@example.test",
            TrustedRootFile = cluster.Pebble.TrustedRootFile,
        };
        using var http = AcmeHttpClient.Create(options);
        var connectors = cluster.Nodes.Select(node => new AcmeAccountConnector(
            options,
            node.App.Services.GetRequiredService<AcmeAccountStore>(),
            node.App.Services.GetRequiredService<LeaseStore>(),
            new NodeIdentity(node.Name),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AcmeAccountConnector>.Instance)).ToArray();

        using var start = new ManualResetEventSlim();
        var connecting = connectors.Select(c => Task.Run(async () =>
        {
            start.Wait();
            return await c.ConnectAsync(http, CancellationToken.None);
        })).ToArray();
        start.Set();
        var clients = await Task.WhenAll(connecting);

        Assert.Single(clients.Select(c => c.AccountUrl).Distinct());
        var audit = await cluster.A.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=1000");
        Assert.Single(audit.EnumerateArray(), e => e.GetProperty("entityType").GetString() == "acme-account" && e.GetProperty("entityName").GetString() == options.DirectoryUrl);
    }

    [Fact]
    public async Task A_TLS_ALPN_01_answer_published_by_one_node_is_served_by_another()
    {
        var publisher = cluster.A.App.Services.GetRequiredService<AcmeChallengePublisher>();
        const string keyAuthorization = "alpn-token.thumbprint";
        var withdraw = await publisher.PublishTlsAlpnAsync("alpn.test", keyAuthorization, CancellationToken.None);
        try
        {
            await publisher.AwaitPropagationAsync(CancellationToken.None);
            await using var ssl = await Tls.TlsClient.ConnectAsync(cluster.B.HttpsAddress, "alpn.test", alpn: TlsAlpnChallengeStore.AcmeTls1);
            Assert.Equal(TlsAlpnChallengeStore.AcmeTls1, ssl.NegotiatedApplicationProtocol);
            var served = new System.Security.Cryptography.X509Certificates.X509Certificate2(ssl.RemoteCertificate!);
            var extension = served.Extensions["1.3.6.1.5.5.7.1.31"];
            Assert.NotNull(extension);
            Assert.Equal([0x04, 0x20, .. SHA256.HashData(Encoding.ASCII.GetBytes(keyAuthorization))], extension.RawData);

            // A client that does not offer acme-tls/1 never sees the challenge certificate.
            var ordinary = await Tls.TlsClient.ServedCertificateAsync(cluster.B.HttpsAddress, "alpn.test");
            Assert.Null(ordinary.Extensions["1.3.6.1.5.5.7.1.31"]);
        }
        finally
        {
            await withdraw();
        }
    }

    [Fact]
    public async Task Another_nodes_answers_are_served_from_memory_and_made_up_paths_are_404_without_waiting()
    {
        var served = cluster.B.App.Services.GetRequiredService<AcmeCounters>();
        var activity = cluster.B.App.Services.GetRequiredService<AcmeChallengeActivity>();
        using var proxy = cluster.B.CreateProxyClient();
        await Eventually.TrueAsync(() => !activity.InFlight, TimeSpan.FromSeconds(10), "no order to be in flight");

        // While node A validates, node B answers A's token from its once-a-second copy of the
        // published answers; made-up tokens are refused from the same copy, never from the database.
        var publisher = cluster.A.App.Services.GetRequiredService<AcmeChallengePublisher>();
        var token = RandomToken();
        var withdraw = await publisher.PublishHttp01Async(token, token + ".thumbprint", CancellationToken.None);
        try
        {
            await publisher.AwaitPropagationAsync(CancellationToken.None);
            var before = served.SharedAnswersServed;
            Assert.Equal(token + ".thumbprint", await proxy.GetStringAsync($"/.well-known/acme-challenge/{token}"));
            Assert.Equal(before + 1, served.SharedAnswersServed);

            for (var i = 0; i < 20; i++)
            {
                using var response = await proxy.GetAsync($"/.well-known/acme-challenge/{RandomToken()}");
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }

            Assert.Equal(before + 1, served.SharedAnswersServed);
        }
        finally
        {
            await withdraw();
        }

        // Withdrawn: the next copy no longer has it, and B no longer answers.
        await Eventually.TrueAsync(() => !activity.InFlight, TimeSpan.FromSeconds(10), "the answer to be withdrawn on B");
        using var after = await proxy.GetAsync($"/.well-known/acme-challenge/{token}");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    private async Task<JsonElement> WaitForOutcomeAsync(string name)
    {
        JsonElement certificate = default;
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await cluster.B.Api.GetAsync($"/api/v1/certificates/{name}");
                certificate = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
                return certificate.ValueKind == JsonValueKind.Object && certificate.GetProperty("status").GetString() is "Valid" or "Failed";
            },
            TimeSpan.FromSeconds(60),
            () => $"certificate {name} to be issued: {certificate}\n{cluster.Pebble.Output()}");
        return certificate;
    }

    private static async Task<long> MetricAsync(ClusterNode node, string name)
    {
        var metrics = await node.Api.GetStringAsync("/metrics");
        var line = metrics.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return long.Parse(line[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string RandomToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
