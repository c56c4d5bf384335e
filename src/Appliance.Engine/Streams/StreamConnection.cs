using System.Net.Sockets;

namespace Appliance.Engine.Streams;

/// <summary>
/// One connection being proxied: both directions at once, the bytes counted, the last activity
/// kept for the idle timeout. A direction that fails (a reset, an error) aborts both sides, so a
/// broken backend connection breaks the client's too rather than leaving it hanging; a direction
/// that ends cleanly leaves the other running until it ends too.
/// </summary>
internal sealed class StreamConnection(StreamPlan plan, StreamState state, IStreamClient client, Socket backend, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private long _lastActivity = time.GetTimestamp();
    private int _aborted;

    public StreamPlan Plan { get; } = plan;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var link = cancellationToken.Register(static c => ((StreamConnection)c!).Abort(), this);
        var token = _abort.Token;
        await Task.WhenAll(
            GuardAsync(client.SendToAsync(backend, this, token)),
            GuardAsync(client.ReceiveFromAsync(backend, this, token)));
    }

    /// <summary>Counts bytes moved one way and notes the activity.</summary>
    public void Moved(int bytes, bool fromClient)
    {
        if (fromClient)
        {
            state.AddIn(bytes);
        }
        else
        {
            state.AddOut(bytes);
        }

        Volatile.Write(ref _lastActivity, time.GetTimestamp());
    }

    /// <summary>True when nothing has moved either way for longer than the stream's idle timeout.</summary>
    public bool IsIdle(long now) => time.GetElapsedTime(Volatile.Read(ref _lastActivity), now) > Plan.IdleTimeout;

    /// <summary>Breaks both sides off at once.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
        {
            return;
        }

        _abort.Cancel();
        client.Abort();
        StreamPump.Reset(backend);
    }

    public void Dispose() => _abort.Dispose();

    private async Task GuardAsync(Task direction)
    {
        try
        {
            await direction;
        }
        catch (Exception)
        {
            // Whatever broke one direction (a reset, the idle timeout's cancellation, the client
            // gone), the other has nothing left to carry.
            Abort();
        }
    }
}
