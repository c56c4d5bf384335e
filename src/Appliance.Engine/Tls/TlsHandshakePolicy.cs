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
/// <see cref="TlsOptions.SessionResumption"/> (the default) a client that offers TLS 1.3 gets TLS 1.3
/// alone, whose suites are all AEAD, without a suite policy: that is what lets .NET keep one OpenSSL
/// context per certificate, so its handshakes skip building one and it can resume with a ticket.
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

    // One options object per certificate and kind of handshake, made at its first handshake and
    // reused by every later one (SslStream copies what it needs), so that choosing a certificate
    // allocates nothing. Keyed weakly: a certificate set replaced by a new revision takes its entries with it.
    private readonly ConditionalWeakTable<SslStreamCertificateContext, SslServerAuthenticationOptions> _strict = new();
    private readonly ConditionalWeakTable<SslStreamCertificateContext, SslServerAuthenticationOptions> _resuming = new();

    /// <summary>
    /// Whether handshakes depend on the versions a ClientHello offers, which .NET does not report
    /// (<see cref="ClientHelloInspector"/> reads them): with resumption on, except when TLS 1.2
    /// resumes too and every client gets the same options.
    /// </summary>
    public bool WantsOfferedVersions => settings.SessionResumption && !settings.Tls12SessionResumption;

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

        return ValueTask.FromResult(Ordinary(hello.ServerName, OfferedTls13(context), fallback));
    }

    // Another node placed the order: its answer, bounded by the lookup, or an ordinary handshake.
    private async ValueTask<SslServerAuthenticationOptions> FromClusterAsync(
        Microsoft.AspNetCore.Server.Kestrel.Https.TlsHandshakeCallbackContext context, string host, FallbackCertificate fallback)
    {
        var keyAuthorization = await cluster.FindAsync(AcmeChallengeStore.TlsAlpn01, host, context.CancellationToken);
        return keyAuthorization is null
            ? Ordinary(host, OfferedTls13(context), fallback)
            : ChallengeOptions(tlsAlpnChallenges.FromCluster(host, keyAuthorization, time));
    }

    private static SslServerAuthenticationOptions ChallengeOptions(SslStreamCertificateContext challenge) => new()
    {
        ServerCertificateContext = challenge,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        CipherSuitesPolicy = Suites,
        ApplicationProtocols = AcmeProtocols,
    };

    private static bool OfferedTls13(Microsoft.AspNetCore.Server.Kestrel.Https.TlsHandshakeCallbackContext context) =>
        context.Connection.Features.Get<Tls13OfferedFeature>() is not null;

    private SslServerAuthenticationOptions Ordinary(string? serverName, bool offersTls13, FallbackCertificate fallback)
    {
        var certificate = certificates.Current?.Select(serverName) ?? fallback.Context;
        var resumes = settings.SessionResumption && (settings.Tls12SessionResumption || offersTls13);
        var table = resumes ? _resuming : _strict;
        return table.TryGetValue(certificate, out var cached)
            ? cached
            : table.GetValue(certificate, resumes ? ResumingOptions : StrictOptions);
    }

    /// <summary>Every protocol and suite we allow, our list as a policy: a new OpenSSL context per handshake, nothing to resume.</summary>
    internal static SslServerAuthenticationOptions StrictOptions(SslStreamCertificateContext certificate) => new()
    {
        ServerCertificateContext = certificate,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        CipherSuitesPolicy = Suites,
        AllowTlsResume = false,
        ApplicationProtocols = Protocols,
        ClientCertificateRequired = false,
        AllowRenegotiation = false,
    };

    /// <summary>
    /// No policy, which lets .NET cache the OpenSSL context per certificate with the session cache
    /// and ticket keys resumption needs: TLS 1.3 alone (all its suites are AEAD), or TLS 1.2 as well
    /// when the operator accepted .NET's TLS 1.2 list for its resumption.
    /// </summary>
    internal SslServerAuthenticationOptions ResumingOptions(SslStreamCertificateContext certificate) => new()
    {
        ServerCertificateContext = certificate,
        EnabledSslProtocols = settings.Tls12SessionResumption ? SslProtocols.Tls12 | SslProtocols.Tls13 : SslProtocols.Tls13,
        CipherSuitesPolicy = null,
        AllowTlsResume = true,
        ApplicationProtocols = Protocols,
        ClientCertificateRequired = false,
        AllowRenegotiation = false,
    };
}
