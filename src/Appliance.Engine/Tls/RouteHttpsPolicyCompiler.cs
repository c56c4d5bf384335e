using System.Globalization;
using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Tls;

/// <summary>The HTTPS step's part of each route's plan: redirect, HSTS value and security headers.</summary>
internal sealed class RouteHttpsPolicyCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        foreach (var route in document.Routes)
        {
            var wanted = route.HttpsRedirect || route.HstsMaxAgeSeconds > 0 || route.SecurityHeaders || route.ContentSecurityPolicy is not null;
            plans.Set(route, !wanted
                ? RouteHttpsPolicy.None
                : new RouteHttpsPolicy(
                    route.HttpsRedirect,
                    route.HstsMaxAgeSeconds > 0 ? $"max-age={route.HstsMaxAgeSeconds.ToString(CultureInfo.InvariantCulture)}" : null,
                    route.SecurityHeaders,
                    route.ContentSecurityPolicy));
        }
    }
}
