using System.Net;
using System.Net.Sockets;

namespace Appliance.Engine.Streams;

/// <summary>
/// The client's side of a proxied connection: a socket accepted on a stream's own port, or a
/// connection Kestrel accepted on the HTTPS port and handed over by server name. The backend's side
/// is always a socket.
/// </summary>
internal interface IStreamClient
{
    /// <summary>The client, as the connection (or the PROXY header of a balancer in front) names it.</summary>
    IPEndPoint? Remote { get; }

    /// <summary>The appliance's address the client connected to.</summary>
    IPEndPoint? Local { get; }

    /// <summary>Copies what the client sends to <paramref name="backend"/> until the client ends its side, then ends the backend's sending side.</summary>
    Task SendToAsync(Socket backend, StreamConnection connection, CancellationToken cancellationToken);

    /// <summary>Copies what <paramref name="backend"/> sends to the client until the backend ends its side, then ends the client's.</summary>
    Task ReceiveFromAsync(Socket backend, StreamConnection connection, CancellationToken cancellationToken);

    /// <summary>Closes the client's connection at once, with a reset where the transport allows it.</summary>
    void Abort();
}
