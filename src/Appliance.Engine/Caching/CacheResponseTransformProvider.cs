using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.Caching;

/// <summary>
/// On every route, as a backend's answer is copied to the client's response: the fields the backend named in its
/// Connection field go (RFC 9110 §7.6.1; so the cache, which reads the copied response, never stores them either,
/// RFC 9111 §3.1), and the targeted cache fields meant for this cache alone (RFC 9213) are taken off just before
/// the response starts, after the cache has read them.
/// </summary>
internal sealed class CacheResponseTransformProvider(CacheOptions options) : ITransformProvider
{
    private readonly CacheTargets _targets = CacheTargets.Of(options);

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        var targets = _targets;
        context.AddResponseTransform(transformContext =>
        {
            var response = transformContext.HttpContext.Response;
            if (transformContext.ProxyResponse is { } proxied)
            {
                ConnectionFields.Remove(response.Headers, proxied.Headers);
            }

            if (Carries(response.Headers, targets))
            {
                response.OnStarting(static state =>
                {
                    var (r, t) = ((HttpResponse, CacheTargets))state;
                    foreach (var name in t.Removed)
                    {
                        r.Headers.Remove(name);
                    }

                    return Task.CompletedTask;
                }, (response, targets));
            }

            return ValueTask.CompletedTask;
        });
    }

    private static bool Carries(IHeaderDictionary headers, CacheTargets targets)
    {
        foreach (var name in targets.Removed)
        {
            if (headers.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }
}
