namespace Appliance.Data.Model;

/// <summary>
/// Raw TCP proxied to a pool: from a data-plane port of its own (<see cref="ListenPort"/>), or from
/// the HTTPS port for TLS connections whose ClientHello names one of <see cref="SniHosts"/>, passed
/// through without terminating TLS. A stream has exactly one of the two.
/// </summary>
public sealed record StreamSpec
{
    /// <summary>Slug that names the stream.</summary>
    public string Name { get; init; } = "";

    /// <summary>The data-plane port the stream listens on; null for an SNI passthrough stream.</summary>
    public int? ListenPort { get; init; }

    /// <summary>Server names (exact, or <c>*.example.com</c> one label deep) routed from the HTTPS port without terminating TLS; empty for a stream with its own port.</summary>
    public IReadOnlyList<string> SniHosts { get; init; } = [];

    /// <summary>The pool whose backends take the connections (host and port of each backend's address).</summary>
    public string Pool { get; init; } = "";

    /// <summary>Sends a PROXY protocol v2 header naming the client before the first byte to the backend.</summary>
    public bool ProxyProtocol { get; init; }

    /// <summary>An access list decided on the client address at accept; null lets every client in.</summary>
    public string? AccessList { get; init; }

    /// <summary>Connections open at once; further ones are closed at accept.</summary>
    public int MaxConnections { get; init; } = 1000;

    /// <summary>Seconds without a byte in either direction before the connection is closed.</summary>
    public int IdleTimeoutSeconds { get; init; } = 600;

    /// <summary>Seconds a backend has to accept the connection before the next one is tried.</summary>
    public int ConnectTimeoutSeconds { get; init; } = 5;
}
