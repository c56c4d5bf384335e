using System.Collections.Frozen;
using System.Net.Security;

namespace Appliance.Engine.Tls.Sni;

/// <summary>
/// The certificates the data plane serves, by host name, built once per configuration revision so
/// that choosing one during a handshake is two dictionary lookups: the exact name first, then
/// the wildcard one level up (<c>*.example.com</c> covers <c>a.example.com</c>, not
/// <c>a.b.example.com</c>, as RFC 6125 says), then the fallback.
/// </summary>
public sealed class CertificateSet
{
    private readonly FrozenDictionary<string, SslStreamCertificateContext> _exact;
    private readonly FrozenDictionary<string, SslStreamCertificateContext> _wildcards;

    public CertificateSet(
        IReadOnlyDictionary<string, SslStreamCertificateContext> exact,
        IReadOnlyDictionary<string, SslStreamCertificateContext> wildcards,
        SslStreamCertificateContext fallback,
        IReadOnlyList<string> names)
    {
        _exact = exact.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _wildcards = wildcards.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Fallback = fallback;
        Names = names;
    }

    /// <summary>Served when no certificate matches the client's server name, or it sent none.</summary>
    public SslStreamCertificateContext Fallback { get; }

    /// <summary>The names of the certificates in the set, for the dashboard and logs.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The certificate for <paramref name="serverName"/> (the client's SNI).</summary>
    public SslStreamCertificateContext Select(string? serverName)
    {
        if (string.IsNullOrEmpty(serverName))
        {
            return Fallback;
        }

        if (_exact.TryGetValue(serverName, out var exact))
        {
            return exact;
        }

        var dot = serverName.IndexOf('.');
        if (dot > 0 && _wildcards.TryGetValue(serverName[(dot + 1)..], out var wildcard))
        {
            return wildcard;
        }

        return Fallback;
    }
}
