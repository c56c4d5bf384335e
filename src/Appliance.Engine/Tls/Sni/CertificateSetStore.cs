namespace Appliance.Engine.Tls.Sni;

/// <summary>The live <see cref="CertificateSet"/>: swapped whole, read at every handshake, so a new certificate is served from the next one on.</summary>
public sealed class CertificateSetStore
{
    private volatile CertificateSet? _current;

    /// <summary>The set in force; null until the first configuration has loaded.</summary>
    public CertificateSet? Current => _current;

    internal void Swap(CertificateSet set) => _current = set;
}
