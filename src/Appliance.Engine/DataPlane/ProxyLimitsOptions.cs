namespace Appliance.Engine.DataPlane;

/// <summary>Kestrel limits of the data plane, bound from <c>Appliance:Proxy:Limits</c>.</summary>
public sealed class ProxyLimitsOptions
{
    /// <summary>Seconds a client has to send all request headers (slowloris defence).</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 15;

    /// <summary>Seconds an idle keep-alive connection is kept open.</summary>
    public int KeepAliveTimeoutSeconds { get; set; } = 75;

    /// <summary>Minimum request body rate in bytes per second after a 5-second grace; 0 turns the check off.</summary>
    public int MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxRequestBodySize { get; set; } = 30 * 1024 * 1024;

    /// <summary>Largest total size of request headers, in bytes; larger ones get 431.</summary>
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>Most connections open at once; further ones are refused.</summary>
    public long MaxConcurrentConnections { get; set; } = 10_000;

    /// <summary>Most request headers a request may carry; more get 431.</summary>
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>Most connections one client address may hold open (trusted proxies are exempt); 0 for no cap.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 256;

    internal IEnumerable<string> Validate(string section)
    {
        if (RequestHeadersTimeoutSeconds is < 1 or > 600)
        {
            yield return $"{section}:RequestHeadersTimeoutSeconds must be between 1 and 600.";
        }

        if (KeepAliveTimeoutSeconds is < 1 or > 3600)
        {
            yield return $"{section}:KeepAliveTimeoutSeconds must be between 1 and 3600.";
        }

        if (MinRequestBodyBytesPerSecond < 0)
        {
            yield return $"{section}:MinRequestBodyBytesPerSecond must be 0 (off) or more.";
        }

        if (MaxRequestBodySize < 1)
        {
            yield return $"{section}:MaxRequestBodySize must be at least 1 byte.";
        }

        if (MaxRequestHeadersTotalSize < 1024)
        {
            yield return $"{section}:MaxRequestHeadersTotalSize must be at least 1024 bytes.";
        }

        if (MaxRequestHeaderCount is < 8 or > 1000)
        {
            yield return $"{section}:MaxRequestHeaderCount must be between 8 and 1000.";
        }

        if (MaxConnectionsPerAddress < 0)
        {
            yield return $"{section}:MaxConnectionsPerAddress must be 0 (no cap) or more.";
        }

        if (MaxConcurrentConnections < 1)
        {
            yield return $"{section}:MaxConcurrentConnections must be at least 1.";
        }
    }
}
