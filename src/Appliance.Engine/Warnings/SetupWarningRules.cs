using Appliance.Data.Model;
using Appliance.Engine.Health;

namespace Appliance.Engine.Warnings;

/// <summary>
/// Decides which setups cannot work: pools without an enabled backend, routes none of whose target
/// pools has a backend in rotation, routes whose certificate is missing or expired. Pure: the same
/// pools, routes, certificates and time always give the same warnings, pools first, then routes,
/// each in name order.
/// </summary>
internal static class SetupWarningRules
{
    /// <summary>
    /// The warnings for <paramref name="pools"/> (with their live health) and <paramref name="plan"/>'s
    /// routes; with <paramref name="certificates"/> null, the certificates were not read and no
    /// certificate warning is given.
    /// </summary>
    public static IReadOnlyList<SetupWarning> Evaluate(IReadOnlyList<PoolHealth> pools, SetupPlan plan, IReadOnlyList<CertificateInfo>? certificates, DateTimeOffset now)
    {
        var rotations = pools.Select(PoolRotation.Of).ToDictionary(p => p.Pool, StringComparer.Ordinal);
        var warnings = new List<SetupWarning>();
        foreach (var pool in rotations.Values.Where(p => !p.HasEnabledBackend).OrderBy(p => p.Pool, StringComparer.Ordinal))
        {
            warnings.Add(new SetupWarning(
                SetupWarningKinds.PoolWithoutEnabledBackend,
                pool.Pool,
                $"Pool '{pool.Pool}' {pool.WhyOutOfRotation()}: nothing sent to it can reach a backend."));
        }

        foreach (var route in plan.Routes)
        {
            if (Targets(route, rotations) is { } targets)
            {
                warnings.Add(targets);
            }

            if (certificates is not null && RouteCertificateCheck.Check(route, certificates, now) is { } certificate)
            {
                warnings.Add(certificate);
            }
        }

        return warnings;
    }

    // Only when every pool that takes a share of the route's traffic is out: one pool left in rotation
    // still serves (the split sends to it). A pool the health report does not show yet is not judged.
    private static SetupWarning? Targets(RouteSetup route, IReadOnlyDictionary<string, PoolRotation> rotations)
    {
        if (route.Pools.Count == 0)
        {
            return null;
        }

        var targets = new List<PoolRotation>(route.Pools.Count);
        foreach (var name in route.Pools)
        {
            if (!rotations.TryGetValue(name, out var pool) || pool.HasBackendInRotation)
            {
                return null;
            }

            targets.Add(pool);
        }

        var kind = targets.Any(p => p.HasEnabledBackend) ? SetupWarningKinds.RouteWithoutHealthyBackend : SetupWarningKinds.RouteWithoutEnabledBackend;
        var why = string.Join("; ", targets.Select(p => $"pool '{p.Pool}' {p.WhyOutOfRotation()}"));
        return new SetupWarning(kind, route.Name, $"Route '{route.Name}' has no backend in rotation, so its requests get 503: {why}.");
    }
}
