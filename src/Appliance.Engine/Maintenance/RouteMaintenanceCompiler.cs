using System.Globalization;
using Appliance.Data.Model;
using Appliance.Data.Networking;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Maintenance;

/// <summary>Compiles each route's maintenance: the allowed ranges parsed once, with the access lists' parser.</summary>
internal sealed class RouteMaintenanceCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        foreach (var route in document.Routes)
        {
            var maintenance = route.Maintenance;
            plans.Set(route, maintenance is { Enabled: true }
                ? new RouteMaintenance(true, maintenance.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture), NetworkRanges.ParseAll(maintenance.Allow))
                : RouteMaintenance.Off);
        }
    }
}
