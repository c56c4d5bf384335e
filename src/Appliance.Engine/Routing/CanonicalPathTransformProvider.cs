using Appliance.Engine.DataPlane;
using Appliance.Engine.Routing.Rules;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.Routing;

/// <summary>
/// Sends the backend the request's canonical path in the client's own encoding. YARP would build
/// the address from the decoded <c>Request.Path</c> and encode it again, turning <c>%2F</c> into
/// <c>%252F</c>; a request that was already canonical is left to YARP, which sends it unchanged.
/// A route with a <c>rewritePath</c> gets that path in place of its prefix, cut from the same
/// canonical forward spelling (<see cref="PathRest"/>), so the rewrite cannot be steered by
/// <c>//</c>, dot segments, <c>;</c> parameters or an encoded slash.
/// </summary>
internal sealed class CanonicalPathTransformProvider : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        if (context.Route.Metadata is { } metadata
            && metadata.TryGetValue(RouteRuleMetadata.PathPrefix, out var prefix)
            && metadata.TryGetValue(RouteRuleMetadata.RewritePath, out var replacement))
        {
            context.AddRequestTransform(transformContext =>
            {
                var http = transformContext.HttpContext;
                Send(transformContext, RewrittenPath(http.Request, prefix, replacement), http);
                return ValueTask.CompletedTask;
            });
            return;
        }

        context.AddRequestTransform(static transformContext =>
        {
            var http = transformContext.HttpContext;

            // Only while no earlier transform has rewritten the path: that one then owns the address.
            // No transform of ours changes the query, which Kestrel keeps as the client sent it.
            if (http.Features.Lookup<CanonicalPath>() is { } canonical && transformContext.Path == http.Request.Path)
            {
                Send(transformContext, canonical.Forward, http);
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>The path a route with <c>rewritePath</c> forwards <paramref name="request"/> with, without the query.</summary>
    public static string RewrittenPath(HttpRequest request, string prefix, string replacement)
    {
        // The route matched the decision path, so its prefix is there; if the two spellings ever
        // disagreed, the decision's reading is the one that counts.
        return PathRest.Rewrite(CanonicalPath.ForwardOf(request), prefix, replacement)
            ?? PathRest.Rewrite(request.Path.ToUriComponent(), prefix, replacement)!;
    }

    private static void Send(RequestTransformContext transformContext, string path, HttpContext http)
    {
        var prefix = transformContext.DestinationPrefix.AsSpan().TrimEnd('/');
        transformContext.ProxyRequest.RequestUri = new Uri(string.Concat(prefix, path, http.Request.QueryString.Value), UriKind.Absolute);
    }
}
