using Appliance.Engine.DataPlane;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Appliance.Engine.Security;

/// <summary>
/// The data plane's own defences outside any route: the settled client address, generic error
/// pages, the global body limit, and responses stripped of what would betray the software or a
/// backend. Per-route defences are the shield's (<see cref="Shield.ShieldRegistration"/>).
/// </summary>
internal static class SecurityRegistration
{
    public static ApplianceEngineBuilder AddSecurity(this ApplianceEngineBuilder engine)
    {
        engine.DataPlane.AddSingleton<ITransformProvider, HardeningTransformProvider>();
        return engine;
    }

    /// <summary>First of all: every later step, the shield included, decides by the settled address.</summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app) =>
        app.UseMiddleware<ClientAddressMiddleware>();

    /// <summary>The proxy's own failures, and ours, become a generic page.</summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app) =>
        app.UseMiddleware<ErrorPageMiddleware>();

    /// <summary>A declared body over the global limit gets 413 before a backend is asked.</summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestBodyLimitMiddleware>();
}
