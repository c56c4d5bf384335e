using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.HeaderRules;

/// <summary>
/// The request side of the header rules, as the last of the appliance's request transforms: it reads
/// the rules from the request's plan (so a request sees the revision it was matched in) and applies
/// them after the hardening transform has set X-Forwarded-*, X-Real-IP and X-Request-Id (which the
/// rules may not touch). YARP's own Host step (the destination's host unless the pipeline chose
/// one) is put before it, so a rule that sets Host is what the backend gets, even when it names the
/// client's own host through <c>{host}</c>.
/// </summary>
internal sealed class RequestHeaderRulesTransformProvider : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        context.RequestTransforms.Add(RequestHeaderOriginalHostTransform.SuppressHost);
        context.AddRequestTransform(static transformContext =>
        {
            var http = transformContext.HttpContext;
            var rules = http.Features.Lookup<RoutePlan>()?.Find<RouteHeaderRules>()?.Request;
            if (rules is { IsEmpty: false })
            {
                rules.ApplyTo(transformContext.ProxyRequest, rules.UsesPlaceholders ? HeaderPlaceholderValues.Of(http) : default);
            }

            return ValueTask.CompletedTask;
        });
    }
}
