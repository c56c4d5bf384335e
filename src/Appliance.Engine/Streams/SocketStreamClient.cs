using System.Net;
using System.Net.Sockets;
using Appliance.Data.Networking;

namespace Appliance.Engine.Streams;

/// <summary>A client accepted on a stream's own port, with the bytes that came after a balancer's PROXY header, if any.</summary>
internal sealed class SocketStreamClient(Socket socket, IPEndPoint? remote, ReadOnlyMemory<byte> early) : IStreamClient
{
    public IPEndPoint? Remote { get; } = remote is null ? null : new IPEndPoint(ClientAddresses.Normalize(remote.Address), remote.Port);

    public IPEndPoint? Local { get; } = socket.LocalEndPoint as IPEndPoint;

    public async Task SendToAsync(Socket backend, StreamConnection connection, CancellationToken cancellationToken)
    {
        if (!early.IsEmpty)
        {
            await backend.SendAsync(early, SocketFlags.None, cancellationToken);
            connection.Moved(early.Length, fromClient: true);
        }

        await StreamPump.CopyAsync(socket, backend, connection, fromClient: true, cancellationToken);
    }

    public Task ReceiveFromAsync(Socket backend, StreamConnection connection, CancellationToken cancellationToken) =>
        StreamPump.CopyAsync(backend, socket, connection, fromClient: false, cancellationToken);

    public void Abort() => StreamPump.Reset(socket);
}
