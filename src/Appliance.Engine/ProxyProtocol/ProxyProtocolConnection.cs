using System.Net;
using Appliance.Data.Networking;
using Microsoft.AspNetCore.Connections;

namespace Appliance.Engine.ProxyProtocol;

/// <summary>
/// The first step of every data-plane connection when the PROXY protocol is required: only a
/// trusted balancer may connect, and the header it sends, within the header timeout, replaces the
/// connection's address with the client's before connection caps, TLS and HTTP see it.
/// </summary>
internal static class ProxyProtocolConnection
{
    public static async Task HandleAsync(ConnectionContext connection, ConnectionDelegate next, IPNetwork[] trustedSources, TimeSpan timeout)
    {
        var source = ClientAddresses.NormalizeOrNull((connection.RemoteEndPoint as IPEndPoint)?.Address);
        if (source is null || !NetworkRanges.Contains(trustedSources, source))
        {
            connection.Abort();
            return;
        }

        if (await ReadHeaderAsync(connection, timeout) is not { } outcome)
        {
            connection.Abort();
            return;
        }

        if (outcome.Client is { } client)
        {
            connection.RemoteEndPoint = client;
        }

        await next(connection);
    }

    private static async Task<HeaderOutcome?> ReadHeaderAsync(ConnectionContext connection, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        deadline.CancelAfter(timeout);
        var input = connection.Transport.Input;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(deadline.Token);
                var status = ProxyHeader.TryRead(result.Buffer, out var consumed, out var client);
                if (status == ProxyHeaderStatus.Parsed)
                {
                    input.AdvanceTo(result.Buffer.GetPosition(consumed));
                    return new HeaderOutcome(client);
                }

                if (status == ProxyHeaderStatus.Invalid || result.IsCompleted)
                {
                    input.AdvanceTo(result.Buffer.End);
                    return null;
                }

                input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            }
        }
        catch (OperationCanceledException)
        {
            // A balancer that connects and says nothing holds a connection slot: not for long.
            return null;
        }
    }

    private sealed record HeaderOutcome(IPEndPoint? Client);
}
