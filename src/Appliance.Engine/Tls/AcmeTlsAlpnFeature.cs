namespace Appliance.Engine.Tls;

/// <summary>Set on a connection whose ClientHello offers <c>acme-tls/1</c>: an ACME server validating TLS-ALPN-01.</summary>
internal sealed class AcmeTlsAlpnFeature
{
    public static readonly AcmeTlsAlpnFeature Instance = new();
}
