using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls;

/// <summary>
/// <c>Appliance:Tls:SessionResumption</c>: with it a client that kept its session from the first
/// connection resumes it on the second (TLS 1.3 ticket, TLS 1.2 session id or ticket) instead of a
/// full handshake; without it (the default) every handshake is a full one. OpenSSL is the client,
/// because it says which it got.
/// </summary>
public sealed class TlsResumptionTests(TlsResumptionTests.ResumingHost resuming, TlsResumptionTests.PlainHost plain)
    : IClassFixture<TlsResumptionTests.ResumingHost>, IClassFixture<TlsResumptionTests.PlainHost>
{
    private const string HostName = "resume.tls.test";

    [Theory]
    [InlineData("-tls1_3")]
    [InlineData("-tls1_2")]
    public async Task A_returning_client_resumes_its_session_when_resumption_is_on(string protocol)
    {
        var session = Path.Combine(resuming.DataDirectory, $"session{protocol}.pem");
        var first = await OpenSslAsync(resuming, protocol, "-sess_out", session);
        Assert.Contains("\nNew, TLSv1.", first);
        Assert.Contains("resumed", first);

        var second = await OpenSslAsync(resuming, protocol, "-sess_in", session);
        Assert.Contains("\nReused, TLSv1.", second);
        Assert.Contains("resumed", second);
    }

    [Fact]
    public async Task Every_handshake_is_a_full_one_by_default()
    {
        var session = Path.Combine(plain.DataDirectory, "session-default.pem");
        var first = await OpenSslAsync(plain, "-tls1_2", "-sess_out", session);
        Assert.Contains("\nNew, TLSv1.2", first);
        Assert.Contains("resumed", first);

        // Without a session cache or tickets the server hands out nothing to resume: the client
        // has no session to keep, and its next handshake is a full one again.
        Assert.False(File.Exists(session), "the server gave out a resumable session");
        var second = await OpenSslAsync(plain, "-tls1_2");
        Assert.Contains("\nNew, TLSv1.2", second);
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

    public sealed class ResumingHost : ServingHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:Tls:SessionResumption"] = "true" };
    }

    public sealed class PlainHost : ServingHost;
}
