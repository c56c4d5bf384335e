using System.Net;
using System.Net.Sockets;
using Appliance.Data.Networking;
using Microsoft.AspNetCore.Connections;

namespace Appliance.Engine.Streams;

/// <summary>
/// A connection Kestrel accepted on the HTTPS port and handed to a passthrough stream before TLS.
/// The ClientHello was only peeked at, so it is still in the transport and goes to the backend first.
/// Kestrel closes the whole connection when the backend ends its side: TLS ends with close_notify
/// anyway, so the half-close a stream's own port keeps is not needed here.
/// </summary>
internal sealed class PipeStreamClient(ConnectionContext connection) : IStreamClient
{
    public IPEndPoint? Remote { get; } = connection.RemoteEndPoint is IPEndPoint remote
        ? new IPEndPoint(ClientAddresses.Normalize(remote.Address), remote.Port)
        : null;

    public IPEndPoint? Local { get; } = connection.LocalEndPoint as IPEndPoint;

    public async Task SendToAsync(Socket backend, StreamConnection stream, CancellationToken cancellationToken)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            foreach (var segment in buffer)
            {
                await backend.SendAsync(segment, SocketFlags.None, cancellationToken);
                stream.Moved(segment.Length, fromClient: true);
            }

            input.AdvanceTo(buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                StreamPump.ShutdownSending(backend);
                return;
            }
        }
    }

    public async Task ReceiveFromAsync(Socket backend, StreamConnection stream, CancellationToken cancellationToken)
    {
        var output = connection.Transport.Output;
        while (true)
        {
            // Waits for data without taking pipe memory, as the socket pump does.
            await backend.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken);
            var memory = output.GetMemory(StreamPump.BufferSize / 4);
            var read = await backend.ReceiveAsync(memory, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                await output.CompleteAsync();
                return;
            }

            output.Advance(read);
            stream.Moved(read, fromClient: false);
            var flushed = await output.FlushAsync(cancellationToken);
            if (flushed.IsCompleted)
            {
                // The client is gone: nothing more can reach it.
                return;
            }
        }
    }

    public void Abort() => connection.Abort();
}
