using System.ComponentModel.DataAnnotations;

namespace Appliance.Engine.DataPlane;

/// <summary>Kestrel limits of the data plane, bound from <c>Appliance:Proxy:Limits</c>.</summary>
public sealed class ProxyLimitsOptions
{
    /// <summary>Seconds a client has to send all request headers (slowloris defence).</summary>
    [Range(1, 600)]
    public int RequestHeadersTimeoutSeconds { get; set; } = 15;

    /// <summary>Seconds an idle keep-alive connection is kept open.</summary>
    [Range(1, 3600)]
    public int KeepAliveTimeoutSeconds { get; set; } = 75;

    /// <summary>Minimum request body rate in bytes per second after a 5-second grace; 0 turns the check off.</summary>
    [AtLeast(0)]
    public int MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    [AtLeast(1)]
    public long MaxRequestBodySize { get; set; } = 30 * 1024 * 1024;

    /// <summary>Largest total size of request headers, in bytes; larger ones get 431.</summary>
    [AtLeast(1024)]
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>Most connections open at once; further ones are refused.</summary>
    [AtLeast(1)]
    public long MaxConcurrentConnections { get; set; } = 10_000;

    /// <summary>Most request headers a request may carry; more get 431.</summary>
    [Range(8, 1000)]
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>Most connections one client address may hold open (trusted proxies are exempt); 0 for no cap.</summary>
    [AtLeast(0)]
    public int MaxConnectionsPerAddress { get; set; } = 256;
}
