using System.Net.Sockets;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Streams;

/// <summary>A socket connected to one of a stream's backends, or why there is none (<see cref="StreamResults"/>).</summary>
internal sealed record BackendConnection(Socket? Socket, DestinationState? Destination, string Result)
{
    public static BackendConnection NoDestination { get; } = new(null, null, StreamResults.NoDestination);

    public static BackendConnection Failed { get; } = new(null, null, StreamResults.Failed);
}
