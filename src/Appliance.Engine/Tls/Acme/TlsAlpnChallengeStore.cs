using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// The TLS-ALPN-01 answers (RFC 8737) the HTTPS data plane gives while an order is validated: for
/// a host name, a self-signed certificate with the acmeIdentifier extension, served only to a
/// client that offers the <c>acme-tls/1</c> protocol.
/// </summary>
public sealed class TlsAlpnChallengeStore
{
    /// <summary>The ALPN protocol of TLS-ALPN-01 validation.</summary>
    public static readonly SslApplicationProtocol AcmeTls1 = new("acme-tls/1");

    private static readonly Oid AcmeIdentifier = new("1.3.6.1.5.5.7.1.31");
    private const int MaxFromCluster = 64;
    private readonly ConcurrentDictionary<string, SslStreamCertificateContext> _answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (string KeyAuthorization, SslStreamCertificateContext Certificate)> _fromCluster = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when no validation is under way: connections need no inspection then.</summary>
    public bool IsEmpty => _answers.IsEmpty;

    public void Add(string hostname, string keyAuthorization, TimeProvider time) => _answers[hostname] = CreateCertificate(hostname, keyAuthorization, time);

    public void Remove(string hostname) => _answers.TryRemove(hostname, out _);

    public bool TryGet(string? hostname, out SslStreamCertificateContext certificate)
    {
        certificate = null!;
        return hostname is not null && _answers.TryGetValue(hostname, out certificate!);
    }

    /// <summary>
    /// The certificate for an answer another node published: made once per key authorization and
    /// kept, since making one costs a key pair. Only answers found in the database get here, so an
    /// attacker cannot grow this; clearing it when full costs only a key pair.
    /// </summary>
    public SslStreamCertificateContext FromCluster(string hostname, string keyAuthorization, TimeProvider time)
    {
        if (_fromCluster.TryGetValue(hostname, out var made) && made.KeyAuthorization == keyAuthorization)
        {
            return made.Certificate;
        }

        if (_fromCluster.Count >= MaxFromCluster)
        {
            _fromCluster.Clear();
        }

        var certificate = CreateCertificate(hostname, keyAuthorization, time);
        _fromCluster[hostname] = (keyAuthorization, certificate);
        return certificate;
    }

    /// <summary>The challenge certificate: the name as its only SAN, and SHA-256 of the key authorization in a critical acmeIdentifier extension.</summary>
    internal static SslStreamCertificateContext CreateCertificate(string hostname, string keyAuthorization, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hostname}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(hostname);
        request.CertificateExtensions.Add(san.Build());

        // DER OCTET STRING (0x04, length 32) holding the digest.
        var digest = SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(keyAuthorization));
        request.CertificateExtensions.Add(new X509Extension(AcmeIdentifier, [0x04, 0x20, .. digest], critical: true));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var persisted = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        return SslStreamCertificateContext.Create(persisted, additionalCertificates: null, offline: true);
    }
}
