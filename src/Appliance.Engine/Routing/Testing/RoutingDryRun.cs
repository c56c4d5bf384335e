using Appliance.Engine.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Routing.Testing;

/// <summary>
/// The data plane's own steps up to the route match, and nothing after: client address, canonical
/// path, and ASP.NET Core's matcher over YARP's live endpoints with our matcher policies. The route
/// tester runs a made-up request through it, so the route it reports is the one the data plane
/// would pick, not a second opinion.
/// </summary>
internal static class RoutingDryRun
{
    // The key under which a WebApplication offers its endpoints to UseRouting. A branch of the
    // application drops it on purpose (a branch has its own routing world); this branch must keep
    // the data plane's endpoints, so it sets it back. The route tester's tests fail if it changes.
    private const string GlobalEndpointRouteBuilderKey = "__GlobalEndpointRouteBuilder";

    /// <summary>Builds the dry run on the data plane's application, after its endpoints are mapped.</summary>
    public static RequestDelegate Build(WebApplication dataPlane)
    {
        var branch = ((IApplicationBuilder)dataPlane).New();
        branch.Properties[GlobalEndpointRouteBuilderKey] = dataPlane;
        branch.UseClientAddress();
        branch.UseCanonicalPath();
        branch.UseRouting();

        // The matched endpoint stays on the context for the caller to read; nothing runs it.
        branch.Run(static _ => Task.CompletedTask);
        return branch.Build();
    }
}
