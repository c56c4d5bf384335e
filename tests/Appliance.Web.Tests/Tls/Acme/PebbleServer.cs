using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls.Acme;

/// <summary>
/// Debian's Pebble (a real RFC 8555 server) and pebble-challtestsrv (its DNS, answering
/// 127.0.0.1 for every name) on ephemeral ports, with a throw-away CA for Pebble's own HTTPS.
/// Pebble validates HTTP-01 on <see cref="HttpPort"/>, where the appliance under test listens.
/// </summary>
public sealed class PebbleServer : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly List<string> _output = [];

    private PebbleServer(string directory) => Folder = directory;

    public string Folder { get; }

    /// <summary>The appliance's HTTP port, which Pebble's validator connects to.</summary>
    public int HttpPort { get; private set; }

    /// <summary>The appliance's HTTPS port, which Pebble's validator connects to for TLS-ALPN-01.</summary>
    public int TlsPort { get; private set; }

    public string DirectoryUrl { get; private set; } = "";

    /// <summary>The PEM file of the CA behind Pebble's own HTTPS, for Appliance:Acme:TrustedRootFile.</summary>
    public string TrustedRootFile => Path.Combine(Folder, "pebble-ca.pem");

    /// <summary>Pebble's management address (roots, intermediates).</summary>
    public string ManagementUrl { get; private set; } = "";

    /// <summary>challtestsrv's management address (DNS records).</summary>
    public string ChallengeServerUrl { get; private set; } = "";

    public static async Task<PebbleServer> StartAsync(int nonceRejectPercent = 0, int? certificateValiditySeconds = null)
    {
        if (!File.Exists("/usr/bin/pebble"))
        {
            throw new InvalidOperationException("Pebble is not installed: run ./test.sh, which installs Debian's pebble package.");
        }

        var server = new PebbleServer(Path.Combine(Path.GetTempPath(), "appliance-pebble", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(server.Folder);
        try
        {
            await server.StartProcessesAsync(nonceRejectPercent, certificateValiditySeconds);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Pebble's issuing root, which changes at every start: what served chains are verified against.</summary>
    public async Task<X509Certificate2> GetIssuingRootAsync()
    {
        using var http = CreateTrustingClient();
        var pem = await http.GetStringAsync(ManagementUrl + "/roots/0");
        return X509Certificate2.CreateFromPem(pem);
    }

    /// <summary>Points <paramref name="host"/> at <paramref name="address"/> in challtestsrv's DNS.</summary>
    public async Task SetAddressAsync(string host, string address)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(ChallengeServerUrl + "/add-a", new StringContent(JsonSerializer.Serialize(new { host, addresses = new[] { address } })));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>What the servers printed, for a failing test's message.</summary>
    public string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output.TakeLast(80));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartProcessesAsync(int nonceRejectPercent, int? certificateValiditySeconds)
    {
        WriteServerCertificate();
        HttpPort = Ports.Unused();
        TlsPort = Ports.Unused();
        var acmePort = Ports.Unused();
        var managementPort = Ports.Unused();
        var dnsPort = Ports.Unused();
        var challengeManagementPort = Ports.Unused();
        DirectoryUrl = $"https://127.0.0.1:{acmePort}/dir";
        ManagementUrl = $"https://127.0.0.1:{managementPort}";
        ChallengeServerUrl = $"http://127.0.0.1:{challengeManagementPort}";

        var pebble = new Dictionary<string, object>
        {
            ["listenAddress"] = $"127.0.0.1:{acmePort}",
            ["managementListenAddress"] = $"127.0.0.1:{managementPort}",
            ["certificate"] = Path.Combine(Folder, "pebble-cert.pem"),
            ["privateKey"] = Path.Combine(Folder, "pebble-key.pem"),
            ["httpPort"] = HttpPort,
            ["tlsPort"] = TlsPort,
            ["ocspResponderURL"] = "",
            ["externalAccountBindingRequired"] = false,
        };
        if (certificateValiditySeconds is { } validity)
        {
            pebble["certificateValidityPeriod"] = validity;
        }

        var configPath = Path.Combine(Folder, "pebble-config.json");
        await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(new { pebble }));

        Start("pebble-challtestsrv", new Dictionary<string, string>(), "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "", "-dns01", $"127.0.0.1:{dnsPort}",
            "-http01", "", "-https01", "", "-tlsalpn01", "", "-management", $"127.0.0.1:{challengeManagementPort}");
        Start("pebble", new Dictionary<string, string>
        {
            ["PEBBLE_VA_NOSLEEP"] = "1",
            ["PEBBLE_WFE_NONCEREJECT"] = nonceRejectPercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PEBBLE_AUTHZREUSE"] = "0",
        }, "-config", configPath, "-strict=false", "-dnsserver", $"127.0.0.1:{dnsPort}");

        using var http = CreateTrustingClient();
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    using var directory = await http.GetAsync(DirectoryUrl);
                    using var challenge = await new HttpClient().GetAsync(ChallengeServerUrl + "/");
                    return directory.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(20),
            "Pebble to answer at " + DirectoryUrl + "\n" + Output());
    }

    private void Start(string program, IDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Remember(program, line.Data);
        process.ErrorDataReceived += (_, line) => Remember(program, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private void Remember(string program, string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add($"{program}: {line}");
            }
        }
    }

    // Pebble ships no certificate in Debian: a CA and a localhost/127.0.0.1 certificate made here.
    private void WriteServerCertificate()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Pebble Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var leaf = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), RandomNumberGenerator.GetBytes(16));

        File.WriteAllText(TrustedRootFile, ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Folder, "pebble-cert.pem"), leaf.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Folder, "pebble-key.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    private HttpClient CreateTrustingClient()
    {
        var root = X509Certificate2.CreateFromPem(File.ReadAllText(TrustedRootFile));
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(root);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return certificate is not null && chain.Build(new X509Certificate2(certificate));
                },
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }
}
