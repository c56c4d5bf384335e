using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Warnings;

/// <summary>
/// Keeps with each snapshot the little the warnings need of its routes, so that they judge the
/// configuration the data plane serves, pools and routes of one revision, without reading the database.
/// </summary>
internal sealed class SetupPlanCompiler : ISnapshotPartCompiler
{
    public void Compile(ConfigDocument document, SnapshotParts parts) =>
        parts.Set(new SetupPlan(document.Routes
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new RouteSetup(
                r.Name,
                r.Redirect is null ? r.Targets.Where(t => t.Weight > 0).Select(t => t.Pool).Distinct(StringComparer.Ordinal).ToArray() : [],
                r.Tls))
            .ToArray()));
}
