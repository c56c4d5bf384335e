namespace Appliance.Engine.Tls;

/// <summary>Where clients reach the data plane's HTTPS: the port redirects from HTTP point to.</summary>
public sealed class HttpsEndpoint(DataPlane.ProxyOptions options)
{
    private volatile int _listeningPort;

    /// <summary>The port Kestrel really listens on (known once the data plane has started).</summary>
    public int ListeningPort
    {
        get => _listeningPort;
        internal set => _listeningPort = value;
    }

    /// <summary>The port clients use: <c>Appliance:Proxy:PublicHttpsPort</c> when set, otherwise the listening port.</summary>
    public int PublicPort => options.PublicHttpsPort > 0 ? options.PublicHttpsPort : ListeningPort;
}
