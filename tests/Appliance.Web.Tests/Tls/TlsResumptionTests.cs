using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls;

/// <summary>
/// Session resumption: by default a returning TLS 1.3 client resumes with its ticket, while a TLS 1.2
/// client keeps the AEAD-only suites and gets a full handshake every time; with
/// <c>Appliance:Tls:Tls12SessionResumption</c> TLS 1.2 resumes too; with
/// <c>Appliance:Tls:SessionResumption=false</c> every handshake is a full one. OpenSSL is the client,
/// because it says which it got.
/// </summary>
public sealed class TlsResumptionTests(TlsResumptionTests.DefaultHost defaults, TlsResumptionTests.Tls12Host tls12, TlsResumptionTests.OffHost off)
    : IClassFixture<TlsResumptionTests.DefaultHost>, IClassFixture<TlsResumptionTests.Tls12Host>, IClassFixture<TlsResumptionTests.OffHost>
{
    private const string HostName = "resume.tls.test";

    [Fact]
    public async Task By_default_a_returning_TLS_1_3_client_resumes_and_a_TLS_1_2_one_gets_a_full_handshake()
    {
        Assert.True(await ResumesAsync(defaults, "-tls1_3"), "a TLS 1.3 client did not resume by default");
        Assert.False(await ResumesAsync(defaults, "-tls1_2"), "a TLS 1.2 client resumed without Tls12SessionResumption");

        // A TLS 1.3 client offering 1.2 as well still gets TLS 1.3, and the TLS 1.2 suites stay AEAD only.
        Assert.Contains("TLSv1.3", await OpenSslAsync(defaults));
        Assert.Contains("handshake failure", await OpenSslAsync(defaults, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256"));
    }

    [Theory]
    [InlineData("-tls1_3")]
    [InlineData("-tls1_2")]
    public async Task With_TLS_1_2_resumption_both_versions_resume(string protocol) =>
        Assert.True(await ResumesAsync(tls12, protocol), $"{protocol} did not resume");

    [Theory]
    [InlineData("-tls1_3")]
    [InlineData("-tls1_2")]
    public async Task Off_every_handshake_is_a_full_one(string protocol) =>
        Assert.False(await ResumesAsync(off, protocol), $"{protocol} resumed with resumption off");

    // Two connections, the second offering the first's session (if the server gave one out): true when it was reused.
    private static async Task<bool> ResumesAsync(ApplianceHost host, string protocol)
    {
        var session = Path.Combine(host.DataDirectory, $"session{protocol}-{Guid.NewGuid():N}.pem");
        var first = await OpenSslAsync(host, protocol, "-sess_out", session);
        Assert.Contains("\nNew, TLSv1.", first);
        if (!File.Exists(session))
        {
            // The server handed out nothing to resume.
            return false;
        }

        var second = await OpenSslAsync(host, protocol, "-sess_in", session);
        Assert.Contains("resumed", second);
        return second.Contains("\nReused, TLSv1.", StringComparison.Ordinal);
    }

    // One request over openssl s_client; its output says whether the session was new or reused.
    // The request is answered before the server closes, so a TLS 1.3 ticket has arrived by then.
    private static async Task<string> OpenSslAsync(ApplianceHost host, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] all = ["s_client", "-connect", $"{host.HttpsAddress.Host}:{host.HttpsAddress.Port}", "-servername", HostName, "-ign_eof", .. arguments];
        foreach (var argument in all)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync($"GET / HTTP/1.1\r\nHost: {HostName}\r\nConnection: close\r\n\r\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

        // s_client's exit code after the server closed says nothing; what it printed does.
        return await output + await errors;
    }

    /// <summary>An appliance serving <see cref="HostName"/> with its own certificate, from one backend.</summary>
    public abstract class ServingHost : ApplianceHost
    {
        private TestBackend _backend = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _backend = await TestBackend.StartAsync("resumed");
            await AddPoolAsync(new { name = "resume-pool", backends = new[] { new { address = _backend.Address } } });
            await AddRouteAsync(new { name = "resume", hosts = new[] { HostName }, targets = new[] { new { pool = "resume-pool", weight = 1 } } });
            var (chain, key) = TestCertificates.Issue([HostName]);
            using var upload = await Api.PostAsJsonAsync("/api/v1/certificates", new { name = "resume", pem = chain, key });
            Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await _backend.DisposeAsync();
        }
    }

    public sealed class DefaultHost : ServingHost;

    public sealed class Tls12Host : ServingHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:Tls:Tls12SessionResumption"] = "true" };
    }

    public sealed class OffHost : ServingHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:Tls:SessionResumption"] = "false" };
    }
}
