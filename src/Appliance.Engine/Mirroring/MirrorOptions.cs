using System.ComponentModel.DataAnnotations;
using Appliance.Engine.DataPlane;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// Bounds of traffic mirroring, bound from <c>Appliance:Proxy:Mirror</c> and checked at start: what
/// a copy may cost the appliance however slow or broken the shadow is.
/// </summary>
public sealed class MirrorOptions
{
    public const string SectionName = "Appliance:Proxy:Mirror";

    /// <summary>Seconds a copy may take, from sending it to the end of the shadow's answer; then it is abandoned and counted as a timeout.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Copies being buffered or sent at once, over every route. A request drawn for mirroring beyond
    /// this gets no copy, and the drop is counted.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxInFlight { get; set; } = 100;

    /// <summary>
    /// Largest request body copied, in bytes. A copy keeps the body in memory until the primary has
    /// it all; a larger one (declared, or found while streaming) is not copied, and that is counted.
    /// 0 copies only requests without a body.
    /// </summary>
    [AtLeast(0)]
    public long MaxBodyBytes { get; set; } = 64 * 1024;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
