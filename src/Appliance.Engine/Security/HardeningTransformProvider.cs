using Appliance.Engine.DataPlane;
using Appliance.Engine.Metrics;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.Security;

/// <summary>
/// Applies to every route: backends get the client's address, scheme and host in X-Forwarded-*
/// and X-Real-IP (replacing whatever the client sent; the client address was already settled,
/// trusted proxies included) and the request id, and never the headers a client named in Connection; clients
/// never see headers that name the backend's software.
/// </summary>
internal sealed class HardeningTransformProvider : ITransformProvider
{
    /// <summary>Response headers that reveal what runs behind the proxy.</summary>
    public static readonly IReadOnlyList<string> RevealingHeaders = ["Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version"];

    private const string RealIpHeader = "X-Real-IP";

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        context.AddXForwarded(ForwardedTransformActions.Set);
        context.AddRequestTransform(static transformContext =>
        {
            // RFC 9110 §7.6.1: headers the client named in Connection are for this hop only.
            foreach (var value in transformContext.HttpContext.Request.Headers.Connection)
            {
                foreach (var name in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    transformContext.ProxyRequest.Headers.Remove(name);
                    transformContext.ProxyRequest.Content?.Headers.Remove(name);
                }
            }

            // The client address as the appliance settled it, for backends that read X-Real-IP.
            transformContext.ProxyRequest.Headers.Remove(RealIpHeader);
            if (transformContext.HttpContext.Connection.RemoteIpAddress is { } client)
            {
                transformContext.ProxyRequest.Headers.TryAddWithoutValidation(RealIpHeader, client.ToString());
            }

            var requestId = transformContext.HttpContext.Features.Lookup<IRequestIdFeature>()?.RequestId;
            transformContext.ProxyRequest.Headers.Remove(RequestIdFeature.HeaderName);
            if (requestId is not null)
            {
                transformContext.ProxyRequest.Headers.TryAddWithoutValidation(RequestIdFeature.HeaderName, requestId);
            }

            return ValueTask.CompletedTask;
        });

        // The client sees our id, not one the backend may have made up.
        context.AddResponseTransform(static transformContext =>
        {
            if (transformContext.HttpContext.Features.Lookup<IRequestIdFeature>()?.RequestId is { } requestId)
            {
                transformContext.HttpContext.Response.Headers[RequestIdFeature.HeaderName] = requestId;
            }

            return ValueTask.CompletedTask;
        });

        foreach (var header in RevealingHeaders)
        {
            context.AddResponseHeaderRemove(header, ResponseCondition.Always);
        }
    }
}
