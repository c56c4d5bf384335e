using Microsoft.AspNetCore.Builder;

namespace Appliance.Engine.Forwarding;

/// <summary>Forwarding's step in the proxy pipeline: one more try on another backend when the first could not be reached.</summary>
internal static class ForwardingRegistration
{
    /// <summary>Just before load balancing, so that the retry can ask it again.</summary>
    public static IReverseProxyApplicationBuilder UseRetry(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<RetryMiddleware>();
        return proxy;
    }
}
