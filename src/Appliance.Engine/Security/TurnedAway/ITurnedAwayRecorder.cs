using System.Net;

namespace Appliance.Engine.Security.TurnedAway;

/// <summary>
/// Where every refusal of the edge is noted once, beside the counter its feature already keeps:
/// the reason and the client it refused. Cheap and bounded, because it runs for every refusal of
/// a flood.
/// </summary>
public interface ITurnedAwayRecorder
{
    /// <summary>Notes one connection or request turned away; a null address counts only in the rates.</summary>
    void Record(TurnedAwayReason reason, IPAddress? address);
}
