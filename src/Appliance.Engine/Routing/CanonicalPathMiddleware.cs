using Appliance.Engine.DataPlane;
using Appliance.Engine.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Routing;

/// <summary>
/// Puts the request on its canonical path before anything decides by path: the route match,
/// access lists, rate limits, cache rules and the ACME challenge all read <c>Request.Path</c>,
/// which from here on is the decision form, and the backend gets the forward form that the
/// <see cref="CanonicalPath"/> feature carries. A path that decodes to a control character or to
/// bytes that are not UTF-8, or that hides a dot segment behind an encoded separator, is refused
/// with 400 and reaches nobody; so is a raw <c>;</c> when <see cref="ProxyOptions.PathParameters"/>
/// says <see cref="PathParameterMode.Reject"/>.
/// </summary>
internal sealed class CanonicalPathMiddleware(RequestDelegate next, ProxyOptions options)
{
    private readonly PathParameterMode _parameters = options.PathParameters;

    public Task InvokeAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var canonical = CanonicalPath.From(rawTarget, _parameters, out var valid);
        if (!valid)
        {
            return ErrorPages.WriteAsync(context, StatusCodes.Status400BadRequest);
        }

        if (canonical is not null)
        {
            context.Request.Path = new PathString(canonical.Decision);
            context.Features.Set(canonical);
        }

        return next(context);
    }
}
