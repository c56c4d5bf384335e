namespace Appliance.Engine.Tls;

/// <summary>
/// Set on a connection whose ClientHello offers TLS 1.3: its handshake may use the cached, resuming
/// options (<see cref="TlsHandshakePolicy"/>), since TLS 1.3's suites are all AEAD.
/// </summary>
internal sealed class Tls13OfferedFeature
{
    public static readonly Tls13OfferedFeature Instance = new();
}
