using System.Globalization;
using Appliance.Engine.Health;

namespace Appliance.Engine.Warnings;

/// <summary>
/// How many of a pool's backends could take a request now: those enabled and not unhealthy. A
/// backend whose health is still unknown (no verdict yet, or the pool not live yet) counts as in
/// rotation, as the data plane sends it traffic.
/// </summary>
internal sealed record PoolRotation(string Pool, int Backends, int Enabled, int Unhealthy)
{
    /// <summary>The pool as the health report shows it.</summary>
    public static PoolRotation Of(PoolHealth pool)
    {
        var enabled = pool.Backends.Where(b => b.Enabled).ToArray();
        return new PoolRotation(
            pool.Name,
            pool.Backends.Count,
            enabled.Length,
            enabled.Count(b => b.Health == nameof(Yarp.ReverseProxy.Model.DestinationHealth.Unhealthy)));
    }

    public bool HasEnabledBackend => Enabled > 0;

    public bool HasBackendInRotation => Enabled > Unhealthy;

    /// <summary>Why nothing of the pool is in rotation, to follow "Pool 'x' ": which of no backends, all drained, all unhealthy.</summary>
    public string WhyOutOfRotation()
    {
        var drained = Backends - Enabled;
        if (Backends == 0)
        {
            return "has no backends";
        }

        if (Enabled == 0)
        {
            return drained == 1 ? "has no enabled backend (its one backend is drained)" : $"has no enabled backend (all {Count(drained)} are drained)";
        }

        return drained == 0
            ? $"has no healthy backend ({Count(Unhealthy)} unhealthy)"
            : $"has no healthy backend ({Count(Unhealthy)} unhealthy, {Count(drained)} drained)";
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
