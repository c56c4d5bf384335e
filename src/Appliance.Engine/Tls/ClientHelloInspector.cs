using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Appliance.Engine.Tls;

/// <summary>
/// A connection step before TLS: peeks at the ClientHello without consuming it and marks
/// connections that offer <c>acme-tls/1</c>, so the handshake can answer TLS-ALPN-01 validation.
/// </summary>
internal static class ClientHelloInspector
{
    private static readonly byte[] AcmeTls1 = "acme-tls/1"u8.ToArray();

    public static async Task InspectAsync(
        ConnectionContext connection, ConnectionDelegate next, Acme.TlsAlpnChallengeStore challenges, Acme.AcmeChallengeActivity cluster, TimeSpan timeout)
    {
        // Almost always: no validation under way, here or on another node, nothing to look for.
        if (challenges.IsEmpty && !cluster.InFlight)
        {
            await next(connection);
            return;
        }

        // A client that sends nothing must not hold the connection longer than a handshake may take.
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
                connection.Abort();
                return;
            }

            var buffer = result.Buffer;
            var needed = ClientHelloAlpn.RecordLength(buffer);
            if (needed == 0 || buffer.Length >= needed || result.IsCompleted)
            {
                if (needed > 0 && buffer.Length >= needed && Offers(buffer.Slice(0, needed)))
                {
                    connection.Features.Set(AcmeTlsAlpnFeature.Instance);
                }

                // Nothing consumed: TLS reads the same bytes.
                input.AdvanceTo(buffer.Start);
                break;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }

        await next(connection);
    }

    private static bool Offers(ReadOnlySequence<byte> record) =>
        record.IsSingleSegment ? ClientHelloAlpn.Offers(record.FirstSpan, AcmeTls1) : ClientHelloAlpn.Offers(record.ToArray(), AcmeTls1);
}
