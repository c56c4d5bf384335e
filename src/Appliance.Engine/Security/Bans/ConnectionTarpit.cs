using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Appliance.Engine.Metrics;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// Where a connection turned away at accept goes: held open without a byte in answer, as a firewall's
/// silent drop looks to the client (HAProxy's <c>silent-drop</c>, a tarpit), instead of closed. A
/// closed connection tells a flood tool to reconnect at once, so a banned flood of 200 connections
/// became tens of thousands of accepts a second; a held one sits idle until the client gives up or
/// <see cref="BanOptions.HoldSeconds"/> pass. Holding is bounded (per ban key and in all), and what
/// the client sends meanwhile is read and thrown away up to <see cref="MaxDiscardedBytes"/>, so a
/// held connection costs a socket and no growing buffer; past either bound the connection is closed
/// at once, as before.
/// </summary>
internal sealed class ConnectionTarpit(BanOptions options)
{
    /// <summary>What a held client may send before it is closed rather than read on (a request head or a ClientHello fits many times).</summary>
    public const int MaxDiscardedBytes = 64 * 1024;

    private readonly Tally<BanKey> _perKey = new();
    private readonly TimeSpan _hold = TimeSpan.FromSeconds(options.HoldSeconds);
    private long _held;
    private long _heldTotal;

    /// <summary>Connections held now.</summary>
    public long Held => Interlocked.Read(ref _held);

    /// <summary>Connections held since start.</summary>
    public long HeldTotal => Interlocked.Read(ref _heldTotal);

    /// <summary>
    /// Holds <paramref name="connection"/> from <paramref name="peer"/> until the client leaves or
    /// the hold ends, then closes it; closes it at once when the bounds are reached.
    /// </summary>
    public Task HoldOrCloseAsync(ConnectionContext connection, IPAddress peer)
    {
        var key = BanKey.Of(peer);
        if (options.HeldConnections == 0 || !_perKey.TryAdd(key, options.HeldConnectionsPerAddress))
        {
            connection.Abort();
            return Task.CompletedTask;
        }

        if (Interlocked.Increment(ref _held) > options.HeldConnections)
        {
            Interlocked.Decrement(ref _held);
            _perKey.Remove(key);
            connection.Abort();
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref _heldTotal);
        return HoldAsync(connection, key);
    }

    private async Task HoldAsync(ConnectionContext connection, BanKey key)
    {
        using var hold = new CancellationTokenSource(_hold);
        // A server shutting down asks its connections to close: a held one goes at once.
        using var shutdown = connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested.Register(hold.Cancel);
        try
        {
            await DiscardUntilGoneAsync(connection.Transport.Input, hold.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ConnectionResetException or IOException)
        {
            // The hold ended, or the client reset: either way the connection is done.
        }
        finally
        {
            connection.Abort();
            Interlocked.Decrement(ref _held);
            _perKey.Remove(key);
        }
    }

    // Reads what the client sends and keeps none of it, so the transport's buffer never fills; returns
    // when the client closes or has sent more than a held client has any reason to.
    private static async Task DiscardUntilGoneAsync(PipeReader input, CancellationToken token)
    {
        long discarded = 0;
        while (true)
        {
            var read = await input.ReadAsync(token);
            discarded += read.Buffer.Length;
            input.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted || read.IsCanceled || discarded > MaxDiscardedBytes)
            {
                return;
            }
        }
    }
}
