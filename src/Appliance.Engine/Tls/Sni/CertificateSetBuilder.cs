using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Tls.Sni;

/// <summary>
/// Builds the <see cref="CertificateSet"/> from the servable certificates and the routes: a route
/// that names a certificate binds its exact hosts to it ahead of name matching; otherwise each
/// host goes to the certificate that covers it and expires last.
/// </summary>
internal sealed partial class CertificateSetBuilder(FallbackCertificate fallback, ILogger<CertificateSetBuilder> logger)
{
    public CertificateSet Build(IReadOnlyList<ServableCertificate> certificates, IReadOnlyList<RouteSpec> routes)
    {
        var contexts = new Dictionary<string, SslStreamCertificateContext>(StringComparer.Ordinal);
        var exact = new Dictionary<string, (SslStreamCertificateContext Context, DateTimeOffset NotAfter)>(StringComparer.OrdinalIgnoreCase);
        var wildcards = new Dictionary<string, (SslStreamCertificateContext Context, DateTimeOffset NotAfter)>(StringComparer.OrdinalIgnoreCase);
        foreach (var certificate in certificates)
        {
            SslStreamCertificateContext context;
            try
            {
                context = CreateContext(certificate.ChainPem, certificate.KeyPem);
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                LogUnusable(certificate.Name, ex.Message);
                continue;
            }

            contexts[certificate.Name] = context;
            foreach (var host in certificate.Hostnames)
            {
                var (table, key) = host.StartsWith("*.", StringComparison.Ordinal) ? (wildcards, host[2..]) : (exact, host);
                if (!table.TryGetValue(key, out var current) || current.NotAfter < certificate.NotAfter)
                {
                    table[key] = (context, certificate.NotAfter);
                }
            }
        }

        var bound = exact.ToDictionary(e => e.Key, e => e.Value.Context, StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes.Where(r => r.Tls is not (TlsModes.Off or TlsModes.Auto)))
        {
            if (!contexts.TryGetValue(route.Tls, out var named))
            {
                continue;
            }

            foreach (var host in route.Hosts.Where(h => !h.StartsWith("*.", StringComparison.Ordinal)))
            {
                bound[host.Split(':')[0]] = named;
            }
        }

        return new CertificateSet(
            bound,
            wildcards.ToDictionary(w => w.Key, w => w.Value.Context, StringComparer.OrdinalIgnoreCase),
            fallback.Context,
            contexts.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>A handshake-ready certificate with its intermediates, created once and reused by every connection.</summary>
    internal static SslStreamCertificateContext CreateContext(string chainPem, string keyPem)
    {
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(chainPem);
        using var publicLeaf = chain[0];
        using var withKey = X509Certificate2.CreateFromPem(publicLeaf.ExportCertificatePem(), keyPem);

        // An ephemeral key cannot be used by TLS on every platform; a PKCS#12 round trip gives a persistable one.
        var leaf = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        var intermediates = new X509Certificate2Collection();
        for (var i = 1; i < chain.Count; i++)
        {
            intermediates.Add(chain[i]);
        }

        return SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Certificate {Name} cannot be served and is left out: {Reason}")]
    private partial void LogUnusable(string name, string reason);
}
