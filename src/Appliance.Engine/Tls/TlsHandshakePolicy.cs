using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using Appliance.Data.Cluster;
using Appliance.Engine.Tls.Sni;

namespace Appliance.Engine.Tls;

/// <summary>
/// The server side of every data-plane handshake: TLS 1.2 and 1.3 only, AEAD cipher suites with
/// ECDHE as in Mozilla's "intermediate" profile (no CBC, no static RSA key exchange), HTTP/2 or
/// HTTP/1.1 by ALPN, and the certificate chosen by SNI from the live set. With
/// <see cref="TlsOptions.SessionResumption"/> the suites are left to OpenSSL so that sessions resume.
/// </summary>
internal sealed class TlsHandshakePolicy(
    CertificateSetStore certificates,
    Acme.TlsAlpnChallengeStore tlsAlpnChallenges,
    Acme.ClusterChallengeLookup cluster,
    TimeProvider time,
    TlsOptions settings)
{
    /// <summary>TLS 1.3's three suites and their TLS 1.2 ECDHE counterparts.</summary>
    public static IReadOnlyList<TlsCipherSuite> CipherSuites { get; } =
    [
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ];

    // Windows takes its suites from the OS (Schannel); everywhere else OpenSSL takes this list.
    private static readonly CipherSuitesPolicy? Suites = OperatingSystem.IsWindows() ? null : new(CipherSuites);
    private static readonly List<SslApplicationProtocol> Protocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];

    private static readonly List<SslApplicationProtocol> AcmeProtocols = [Acme.TlsAlpnChallengeStore.AcmeTls1];

    // One options object per certificate, made at its first handshake and reused by every later
    // one (SslStream copies what it needs), so that choosing a certificate allocates nothing. Keyed
    // weakly: a certificate set replaced by a new revision takes its entries with it.
    private readonly ConditionalWeakTable<SslStreamCertificateContext, SslServerAuthenticationOptions> _ordinary = new();

    public ValueTask<SslServerAuthenticationOptions> OptionsFor(Microsoft.AspNetCore.Server.Kestrel.Https.TlsHandshakeCallbackContext context, FallbackCertificate fallback)
    {
        var hello = context.ClientHelloInfo;

        // TLS-ALPN-01 (RFC 8737): only a client offering acme-tls/1 gets the challenge certificate, and only that protocol.
        if (context.Connection.Features.Get<AcmeTlsAlpnFeature>() is not null)
        {
            if (tlsAlpnChallenges.TryGet(hello.ServerName, out var challenge))
            {
                return ValueTask.FromResult(ChallengeOptions(challenge));
            }

            if (hello.ServerName is { Length: > 0 } host)
            {
                return FromClusterAsync(context, host, fallback);
            }
        }

        return ValueTask.FromResult(Ordinary(hello.ServerName, fallback));
    }

    // Another node placed the order: its answer, bounded by the lookup, or an ordinary handshake.
    private async ValueTask<SslServerAuthenticationOptions> FromClusterAsync(
        Microsoft.AspNetCore.Server.Kestrel.Https.TlsHandshakeCallbackContext context, string host, FallbackCertificate fallback)
    {
        var keyAuthorization = await cluster.FindAsync(AcmeChallengeStore.TlsAlpn01, host, context.CancellationToken);
        return keyAuthorization is null
            ? Ordinary(host, fallback)
            : ChallengeOptions(tlsAlpnChallenges.FromCluster(host, keyAuthorization, time));
    }

    private static SslServerAuthenticationOptions ChallengeOptions(SslStreamCertificateContext challenge) => new()
    {
        ServerCertificateContext = challenge,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        CipherSuitesPolicy = Suites,
        ApplicationProtocols = AcmeProtocols,
    };

    private SslServerAuthenticationOptions Ordinary(string? serverName, FallbackCertificate fallback)
    {
        var certificate = certificates.Current?.Select(serverName) ?? fallback.Context;
        return _ordinary.TryGetValue(certificate, out var cached)
            ? cached
            : _ordinary.GetValue(certificate, OrdinaryOptions);
    }

    /// <summary>The options every ordinary handshake with <paramref name="certificate"/> gets.</summary>
    internal SslServerAuthenticationOptions OrdinaryOptions(SslStreamCertificateContext certificate) => new()
    {
        ServerCertificateContext = certificate,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,

        // No policy is what lets .NET cache the OpenSSL context per certificate, and with it the
        // session cache and ticket keys that resumption needs.
        CipherSuitesPolicy = settings.SessionResumption ? null : Suites,
        AllowTlsResume = settings.SessionResumption,
        ApplicationProtocols = Protocols,
        ClientCertificateRequired = false,
        AllowRenegotiation = false,
    };
}
