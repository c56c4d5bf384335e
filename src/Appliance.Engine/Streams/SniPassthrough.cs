using System.Buffers;
using System.IO.Pipelines;
using Appliance.Engine.Configuration;
using Appliance.Engine.Tls;
using Microsoft.AspNetCore.Connections;

namespace Appliance.Engine.Streams;

/// <summary>
/// A connection step on the HTTPS port, before TLS: when a stream passes TLS through for the server
/// name a ClientHello asks for, the connection is taken from Kestrel and proxied to the stream's
/// pool with the hello it peeked at, so the backend does the handshake with the client. Every
/// other connection, a hello that is malformed, cut short or larger than one record included, goes
/// on to Kestrel's TLS exactly as it came. Without passthrough streams it costs one lookup.
/// </summary>
internal sealed class SniPassthrough(SnapshotStore snapshots, StreamProxy proxy)
{
    // A ClientHello fits in one record: 16 KiB of plaintext at most (RFC 8446 §5.1).
    private const int MaxRecordLength = 5 + (16 * 1024);

    public async Task RouteAsync(ConnectionContext connection, ConnectionDelegate next, TimeSpan timeout)
    {
        if (snapshots.Serving.Parts.Get<StreamsPlan>() is not { HasPassthrough: true } streams)
        {
            await next(connection);
            return;
        }

        var (complete, serverName) = await PeekServerNameAsync(connection, timeout);
        if (!complete)
        {
            // Nothing arrived in the time a handshake may take: it would fail in Kestrel's TLS as well.
            connection.Abort();
            return;
        }

        // Looked up again: the revision may have changed while the hello was on its way.
        var stream = serverName is null ? null : (snapshots.Serving.Parts.Get<StreamsPlan>() ?? streams).ForServerName(serverName);
        if (stream is null)
        {
            await next(connection);
            return;
        }

        await proxy.ProxyAsync(stream, new PipeStreamClient(connection), connection.ConnectionClosed);
    }

    // Reads until the first record is whole, without consuming anything: whoever handles the
    // connection next reads the same bytes from the start.
    private static async Task<(bool Complete, string? ServerName)> PeekServerNameAsync(ConnectionContext connection, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        deadline.CancelAfter(timeout);
        var input = connection.Transport.Input;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return (false, null);
            }

            var buffer = result.Buffer;
            var needed = ClientHelloParser.RecordLength(buffer);
            if (needed == 0 || needed > MaxRecordLength || buffer.Length >= needed || result.IsCompleted)
            {
                var name = needed > 0 && needed <= MaxRecordLength && buffer.Length >= needed ? Read(buffer.Slice(0, needed)) : null;
                input.AdvanceTo(buffer.Start);
                return (true, name);
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static string? Read(ReadOnlySequence<byte> record) =>
        record.IsSingleSegment ? ClientHelloServerName.Read(record.FirstSpan) : ClientHelloServerName.Read(record.ToArray());
}
