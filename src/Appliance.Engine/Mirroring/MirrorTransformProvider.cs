using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// On every route: a client cannot pass its request off as a copy (the marker it sends is removed),
/// and a request drawn for mirroring hands its ticket to the outgoing request message, where
/// <see cref="MirroringHandler"/> records the request exactly as the primary gets it.
/// </summary>
internal sealed class MirrorTransformProvider : ITransformProvider
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

            // A look-up among the request's few unknown headers: nothing to remove on almost every request.
            if (http.Request.Headers.ContainsKey(MirrorHeaders.Marker))
            {
                transformContext.ProxyRequest.Headers.Remove(MirrorHeaders.Marker);
            }

            if (http.Features.Get<MirrorTicket>() is { } ticket)
            {
                ticket.DestinationPrefix = transformContext.DestinationPrefix;
                transformContext.ProxyRequest.Options.Set(MirrorTicket.OptionKey, ticket);
            }

            return ValueTask.CompletedTask;
        });
}
