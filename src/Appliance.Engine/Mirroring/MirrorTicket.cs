namespace Appliance.Engine.Mirroring;

/// <summary>
/// One request drawn for mirroring, from the draw to the copy's departure: it holds one of the
/// <see cref="MirrorOptions.MaxInFlight"/> slots, the tee on the client's body, and the request as it
/// left for the primary. It rides on the request as a feature, and on the outgoing request message
/// as an option, so that the forwarder's HTTP client can fill it in.
/// </summary>
internal sealed class MirrorTicket(RouteMirror mirror, MirrorRouteCounters counters, MirrorBodyTee? body)
{
    /// <summary>Where the transform puts the ticket for <see cref="MirroringHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<MirrorTicket> OptionKey = new("Appliance.Mirror");

    private MirroredRequest? _request;

    public RouteMirror Mirror { get; } = mirror;

    public MirrorRouteCounters Counters { get; } = counters;

    /// <summary>The tee on the client's body; null when the request has none.</summary>
    public MirrorBodyTee? Body { get; } = body;

    /// <summary>The address the forwarder is sending this attempt to, set by the transform just before it goes.</summary>
    public string DestinationPrefix { get; set; } = "";

    /// <summary>The request the primary got; null while it has not been sent (or never was).</summary>
    public MirroredRequest? Request => Volatile.Read(ref _request);

    /// <summary>Records the outgoing request. A retry sends the same request again: the first one counts.</summary>
    public void Capture(HttpRequestMessage request)
    {
        if (Request is null)
        {
            Interlocked.CompareExchange(ref _request, MirroredRequest.From(request, DestinationPrefix), null);
        }
    }
}
