using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Streams;

/// <summary>
/// Streams changed through the API take effect live (a port opens, follows a new pool, closes);
/// SNI passthrough hands a TLS connection to its backend untouched while other names keep the
/// appliance's own HTTPS; the API refuses bad streams field by field; streams survive an export
/// and import.
/// </summary>
public sealed class StreamLifecycleTests(StreamsHost host) : IClassFixture<StreamsHost>
{
    [Fact]
    public async Task Adding_opens_the_port_changing_the_pool_applies_to_new_connections_and_deleting_closes_it()
    {
        var port = await host.AddStreamAsync("live", "only-a");
        using var before = await StreamClient.ConnectAsync(port);
        Assert.Equal("A", await before.ReadLineAsync());

        var changed = await host.Api.PutAsJsonAsync("/api/v1/streams/live", new { name = "live", listenPort = port, pool = "only-b" });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        await host.WaitForLiveConfigAsync();
        Assert.Equal("B", await StreamClient.BackendOfAsync(port));

        // The connection made before the change stays with its backend.
        await before.Stream.WriteAsync("still A?"u8.ToArray());
        var echo = new byte[8];
        await before.Stream.ReadExactlyAsync(echo);
        Assert.Equal("still A?", Encoding.ASCII.GetString(echo));

        var deleted = await host.Api.DeleteAsync("/api/v1/streams/live");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Eventually.TrueAsync(() => !StreamsHost.Listening(port), TimeSpan.FromSeconds(10), "the port to close");
    }

    [Fact]
    public async Task A_port_another_program_holds_is_reported_not_fatal_and_taken_once_it_is_free()
    {
        var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        try
        {
            var created = await host.Api.PostAsJsonAsync("/api/v1/streams", new { name = "squatted", listenPort = port, pool = "only-a" });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            await host.WaitForLiveConfigAsync();
            await Eventually.TrueAsync(async () => await host.MetricAsync("appliance_stream_listener_up{stream=\"squatted\"}") == 0,
                TimeSpan.FromSeconds(10), "the stream to report its port as not bound");
            var status = host.App.Services.GetRequiredService<Appliance.Engine.Streams.StreamStatusReader>().Read().Single(s => s.Name == "squatted");
            Assert.Equal("Failed", status.Listener);
            Assert.Contains("in use", status.ListenerError, StringComparison.Ordinal);

            // The rest of the data plane goes on: another stream still opens.
            var other = await host.AddStreamAsync("beside-squatted", "only-b");
            Assert.Equal("B", await StreamClient.BackendOfAsync(other));
        }
        finally
        {
            squatter.Stop();
        }

        await Eventually.TrueAsync(async () => await StreamClient.BackendOfAsync(port) == "A", TimeSpan.FromSeconds(20), "the stream to take its port once it is free");
        Assert.Equal(1, await host.MetricAsync("appliance_stream_listener_up{stream=\"squatted\"}"));
    }

    [Fact]
    public async Task A_connection_silent_for_longer_than_the_idle_timeout_is_closed()
    {
        var port = await host.AddStreamAsync("idle", "only-a", new { idleTimeoutSeconds = 1 });
        using var client = await StreamClient.ConnectAsync(port);
        Assert.Equal("A", await client.ReadLineAsync());

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rest = await client.ReadToEndAsync(TimeSpan.FromSeconds(15));
        Assert.True(rest is null || rest.Length == 0);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SNI_passthrough_lets_the_backend_do_the_handshake_while_other_names_get_the_appliances_HTTPS()
    {
        using var backendCertificate = SelfSigned("db.example.com");
        await using var tlsBackend = TcpBackend.Start("tls-backend", backendCertificate);
        await using var site = await TestBackend.StartAsync("site");
        await host.AddPoolAsync(new { name = "tls-db", backends = new[] { new { address = tlsBackend.Address } } });
        await host.AddPoolAsync(new { name = "site", backends = new[] { new { address = site.Address } } });
        await host.AddRouteAsync(new { name = "site", hosts = new[] { "other.test" }, targets = new[] { new { pool = "site", weight = 1 } } });
        var created = await host.Api.PostAsJsonAsync("/api/v1/streams", new { name = "db-tls", sniHosts = new[] { "DB.example.com" }, pool = "tls-db" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        await host.WaitForLiveConfigAsync();

        // The client sees the backend's own certificate and talks to the backend inside TLS.
        var (certificate, line) = await HandshakeAsync("db.example.com", "\n");
        Assert.Equal(backendCertificate.Thumbprint, certificate.Thumbprint);
        Assert.Equal("tls-backend", line);

        // Another name on the same port: the appliance's TLS and its route, not the backend.
        var (own, answer) = await HandshakeAsync("other.test", "GET / HTTP/1.1\r\nHost: other.test\r\nConnection: close\r\n\r\n");
        Assert.NotEqual(backendCertificate.Thumbprint, own.Thumbprint);
        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        Assert.Equal(1, site.Requests);
    }

    public static TheoryData<string, string, string> InvalidStreams => new()
    {
        { """{"name":"s1","listenPort":70000,"pool":"only-a"}""", "listenPort", "between 1 and 65535" },
        { """{"name":"s2","pool":"only-a"}""", "listenPort", "a port of its own, or SNI hosts" },
        { """{"name":"s3","listenPort":40001,"sniHosts":["x.example.com"],"pool":"only-a"}""", "listenPort", "not both" },
        { """{"name":"s4","listenPort":40002,"pool":"no-such-pool"}""", "pool", "no pool named 'no-such-pool'" },
        { """{"name":"s5","sniHosts":["bad host"],"pool":"only-a"}""", "sniHosts[0]", "not a host name" },
        { """{"name":"s6","sniHosts":["db.example.com:443"],"pool":"only-a"}""", "sniHosts[0]", "without a port" },
        { """{"name":"s7","sniHosts":["taken.test"],"pool":"only-a"}""", "sniHosts[0]", "host of route 'taken'" },
        { """{"name":"s8","listenPort":40003,"pool":"only-a","maxConnections":0}""", "maxConnections", "between 1 and" },
        { """{"name":"s9","listenPort":40004,"pool":"only-a","idleTimeoutSeconds":0}""", "idleTimeoutSeconds", "between 1 second" },
        { """{"name":"s10","listenPort":40005,"pool":"only-a","accessList":"asks-password"}""", "accessList", "basic authentication" },
        { """{"name":"s11","listenPort":40006,"pool":"only-a","accessList":"missing"}""", "accessList", "no access list named 'missing'" },
        { """{"name":"Bad Name","listenPort":40007,"pool":"only-a"}""", "name", "lower-case letters" },
        { """{"name":"s12","listenPort":40008,"pool":"only-a","connectTimeoutSeconds":61}""", "connectTimeoutSeconds", "between 1 and 60" },
    };

    [Theory]
    [MemberData(nameof(InvalidStreams))]
    public async Task Invalid_streams_get_400_with_a_message_on_the_field(string json, string field, string message)
    {
        await EnsureFixturesForValidationAsync();
        using var response = await host.Api.PostAsync("/api/v1/streams", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = await MessagesAsync(response, field);
        Assert.Contains(messages, m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stream_cannot_take_a_port_of_the_appliance_or_of_another_stream_or_another_streams_SNI_host()
    {
        var dataPlanePort = host.ProxyAddress.Port;
        using var own = await host.Api.PostAsJsonAsync("/api/v1/streams", new { name = "on-http", listenPort = dataPlanePort, pool = "only-a" });
        Assert.Contains(await MessagesAsync(own, "listenPort"), m => m.Contains("data plane's HTTP port", StringComparison.Ordinal));
        using var admin = await host.Api.PostAsJsonAsync("/api/v1/streams", new { name = "on-admin", listenPort = host.Api.BaseAddress!.Port, pool = "only-a" });
        Assert.Contains(await MessagesAsync(admin, "listenPort"), m => m.Contains("admin site's port", StringComparison.Ordinal));

        var port = await host.AddStreamAsync("first", "only-a");
        using var twice = await host.Api.PostAsJsonAsync("/api/v1/streams", new { name = "second", listenPort = port, pool = "only-b" });
        Assert.Contains(await MessagesAsync(twice, "listenPort"), m => m.Contains("taken by stream 'first'", StringComparison.Ordinal));

        Assert.True((await host.Api.PostAsJsonAsync("/api/v1/streams", new { name = "sni-one", sniHosts = new[] { "*.shared.test" }, pool = "only-a" })).IsSuccessStatusCode);
        using var again = await host.Api.PostAsJsonAsync("/api/v1/streams", new { name = "sni-two", sniHosts = new[] { "*.shared.test" }, pool = "only-b" });
        Assert.Contains(await MessagesAsync(again, "sniHosts[0]"), m => m.Contains("stream 'sni-one'", StringComparison.Ordinal));

        // A pool a stream uses cannot be deleted from under it.
        using var poolDelete = await host.Api.DeleteAsync("/api/v1/pools/only-a");
        Assert.Equal(HttpStatusCode.Conflict, poolDelete.StatusCode);
    }

    [Fact]
    public async Task Streams_survive_an_export_and_import()
    {
        Assert.True((await host.Api.PostAsJsonAsync("/api/v1/streams", new
        {
            name = "exported", listenPort = Ports.Unused(), pool = "only-b", proxyProtocol = true, maxConnections = 7, idleTimeoutSeconds = 42, connectTimeoutSeconds = 3,
        })).IsSuccessStatusCode);

        // Its own passthrough stream, so sniHosts is in the export whatever other tests ran first.
        Assert.True((await host.Api.PostAsJsonAsync("/api/v1/streams", new { name = "exported-sni", sniHosts = new[] { "exported.example.com", "*.exported.example.com" }, pool = "only-a" })).IsSuccessStatusCode);
        var exported = await host.Api.GetStringAsync("/api/v1/config");
        Assert.Contains("\"streams\"", exported, StringComparison.Ordinal);

        var imported = await host.Api.PutAsync("/api/v1/config", new StringContent(exported, Encoding.UTF8, "application/json"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());

        var stream = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/streams/exported");
        Assert.True(stream.GetProperty("proxyProtocol").GetBoolean());
        Assert.Equal(7, stream.GetProperty("maxConnections").GetInt32());
        Assert.Equal(42, stream.GetProperty("idleTimeoutSeconds").GetInt32());
        Assert.Equal(3, stream.GetProperty("connectTimeoutSeconds").GetInt32());
        var sni = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/streams/exported-sni");
        Assert.Equal(["exported.example.com", "*.exported.example.com"], sni.GetProperty("sniHosts").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(JsonValueKind.Null, sni.GetProperty("listenPort").ValueKind);
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(exported)), JsonSerializer.Serialize(JsonDocument.Parse(await host.Api.GetStringAsync("/api/v1/config"))));
    }

    private async Task EnsureFixturesForValidationAsync()
    {
        await host.Api.PostAsJsonAsync("/api/v1/access-lists", new
        {
            name = "asks-password", defaultAction = "Allow", basicAuthUsers = new[] { new { user = "u", password = "a-long-password-1" } },
        });
        await host.Api.PostAsJsonAsync("/api/v1/routes", new { name = "taken", hosts = new[] { "taken.test" }, targets = new[] { new { pool = "only-a", weight = 1 } } });
    }

    private static async Task<string[]> MessagesAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.TryGetProperty("errors", out var errors), problem.ToString());
        Assert.True(errors.TryGetProperty(field, out var messages), problem.ToString());
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }

    private async Task<(X509Certificate2 Certificate, string Answer)> HandshakeAsync(string serverName, string send)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.HttpsAddress.Host, host.HttpsAddress.Port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = serverName });
        var certificate = new X509Certificate2(tls.RemoteCertificate!);
        await tls.WriteAsync(Encoding.ASCII.GetBytes(send));
        var buffer = new byte[4096];
        var read = await tls.ReadAsync(buffer);
        return (certificate, Encoding.ASCII.GetString(buffer, 0, read).TrimEnd('\n'));
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Exported and loaded again: SslStream on Linux wants a certificate whose key it can use as a server.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
