using Appliance.Engine.Metrics;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// One mirrored route as the dashboard shows it: its share and shadow pool, what became of the
/// copies since start, and the shadow's answers beside the primary's over the last minute.
/// </summary>
/// <param name="Route">The route's name.</param>
/// <param name="Pool">The shadow pool.</param>
/// <param name="Percent">The share of forwarded requests copied.</param>
/// <param name="Sent">Copies sent to the shadow since start.</param>
/// <param name="Dropped">Copies not made because <c>Appliance:Proxy:Mirror:MaxInFlight</c> were in flight.</param>
/// <param name="Skipped">Copies not made for their body (too large or cut short) or because the request was an upgrade.</param>
/// <param name="Errors">Copies that found no backend in rotation or failed on the way.</param>
/// <param name="Timeouts">Copies with no whole answer within <c>Appliance:Proxy:Mirror:TimeoutSeconds</c>.</param>
/// <param name="Shadow">The shadow's answers over the last minute.</param>
/// <param name="Primary">The route's own traffic over the last minute.</param>
public sealed record MirroredRouteStatus(
    string Route,
    string Pool,
    decimal Percent,
    long Sent,
    long Dropped,
    long Skipped,
    long Errors,
    long Timeouts,
    WindowStats Shadow,
    WindowStats Primary);
