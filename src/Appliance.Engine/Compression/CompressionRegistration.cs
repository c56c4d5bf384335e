using Microsoft.AspNetCore.Builder;

namespace Appliance.Engine.Compression;

/// <summary>
/// Compression's step in the proxy pipeline. It needs no services of its own; whether a route
/// compresses is in the route's plan (<see cref="Caching.RouteResponsePolicy"/>, which cache hits
/// also follow).
/// </summary>
internal static class CompressionRegistration
{
    /// <summary>Ahead of the cache, so that fresh answers are compressed on their way out while stored ones keep their own encodings.</summary>
    public static IReverseProxyApplicationBuilder UseCompression(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<CompressionMiddleware>();
        return proxy;
    }
}
