namespace Appliance.Engine.Mirroring;

/// <summary>
/// The last step of every cluster's HTTP client before the socket: it sees the request exactly as a
/// backend will, after every transform and the forwarder's own address, and records it on the
/// request's mirror ticket. It sends nothing itself and changes nothing.
/// </summary>
internal sealed class MirroringHandler(HttpMessageHandler inner, MirrorMetrics metrics) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Capture(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Capture(request);
        return base.Send(request, cancellationToken);
    }

    private void Capture(HttpRequestMessage request)
    {
        // A ticket holds a slot: with none taken there is nothing to look for, and reading Options
        // would create the message's options dictionary for nothing.
        if (metrics.InFlight > 0 && request.Options.TryGetValue(MirrorTicket.OptionKey, out var ticket))
        {
            ticket.Capture(request);
        }
    }
}
