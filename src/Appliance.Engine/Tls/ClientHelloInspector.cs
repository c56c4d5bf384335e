using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Appliance.Engine.Tls;

/// <summary>
/// A connection step before TLS: peeks at the ClientHello without consuming it and marks
/// connections that offer <c>acme-tls/1</c> while a validation is under way, so the handshake can
/// answer TLS-ALPN-01, and those that offer TLS 1.3, so the handshake can take the resuming options.
/// </summary>
internal static class ClientHelloInspector
{
    private static readonly byte[] AcmeTls1 = "acme-tls/1"u8.ToArray();

    public static async Task InspectAsync(
        ConnectionContext connection, ConnectionDelegate next, Acme.TlsAlpnChallengeStore challenges, Acme.AcmeChallengeActivity cluster, bool versions, TimeSpan timeout)
    {
        // No validation under way, here or on another node, and no use for the versions: nothing to look for.
        var acme = !challenges.IsEmpty || cluster.InFlight;
        if (!acme && !versions)
        {
            await next(connection);
            return;
        }

        var offers = await ReadOffersAsync(connection, timeout);
        if (offers is null)
        {
            connection.Abort();
            return;
        }

        if (acme && offers.Value.HasFlag(ClientHelloOffers.Protocol))
        {
            connection.Features.Set(AcmeTlsAlpnFeature.Instance);
        }

        if (offers.Value.HasFlag(ClientHelloOffers.Tls13))
        {
            connection.Features.Set(Tls13OfferedFeature.Instance);
        }

        await next(connection);
    }

    // Reads until the first record is whole, without consuming anything (TLS reads the same bytes);
    // null when nothing whole arrived in the time a handshake may take. The deadline lives for the
    // read alone, not for the connection: its timer and registration go as soon as the hello is in.
    private static async Task<ClientHelloOffers?> ReadOffersAsync(ConnectionContext connection, TimeSpan timeout)
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
                return null;
            }

            var buffer = result.Buffer;
            var needed = ClientHelloParser.RecordLength(buffer);
            if (needed == 0 || buffer.Length >= needed || result.IsCompleted)
            {
                var offers = needed > 0 && buffer.Length >= needed ? Parse(buffer.Slice(0, needed)) : ClientHelloOffers.None;
                input.AdvanceTo(buffer.Start);
                return offers;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static ClientHelloOffers Parse(ReadOnlySequence<byte> record) =>
        record.IsSingleSegment ? ClientHelloParser.Parse(record.FirstSpan, AcmeTls1) : ClientHelloParser.Parse(record.ToArray(), AcmeTls1);
}
