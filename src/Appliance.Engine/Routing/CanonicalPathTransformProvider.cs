using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.Routing;

/// <summary>
/// Sends the backend the request's canonical path in the client's own encoding. YARP would build
/// the address from the decoded <c>Request.Path</c> and encode it again, turning <c>%2F</c> into
/// <c>%252F</c>; a request that was already canonical is left to YARP, which sends it unchanged.
/// </summary>
internal sealed class CanonicalPathTransformProvider : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context) =>
        context.AddRequestTransform(static transformContext =>
        {
            var http = transformContext.HttpContext;

            // Only while no earlier transform has rewritten the path: that one then owns the address.
            // No transform of ours changes the query, which Kestrel keeps as the client sent it.
            if (http.Features.Get<CanonicalPath>() is { } canonical && transformContext.Path == http.Request.Path)
            {
                var prefix = transformContext.DestinationPrefix.AsSpan().TrimEnd('/');
                transformContext.ProxyRequest.RequestUri = new Uri(string.Concat(prefix, canonical.Forward, http.Request.QueryString.Value), UriKind.Absolute);
            }

            return ValueTask.CompletedTask;
        });
}
