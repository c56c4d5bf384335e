namespace Appliance.Engine.Tls;

/// <summary>What a ClientHello offers, of what <see cref="ClientHelloParser"/> looks for.</summary>
[Flags]
internal enum ClientHelloOffers
{
    None = 0,

    /// <summary>The ALPN protocol asked about (<c>acme-tls/1</c>).</summary>
    Protocol = 1,

    /// <summary>TLS 1.3, in its supported_versions extension.</summary>
    Tls13 = 2,
}
