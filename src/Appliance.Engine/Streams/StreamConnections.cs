using System.Collections.Concurrent;

namespace Appliance.Engine.Streams;

/// <summary>Every connection being proxied, for the idle timeout and for the stop of the data plane.</summary>
internal sealed class StreamConnections(TimeProvider time)
{
    private readonly ConcurrentDictionary<StreamConnection, byte> _open = new();

    /// <summary>Tracks <paramref name="connection"/> until the returned handle is disposed.</summary>
    public IDisposable Add(StreamConnection connection)
    {
        _open.TryAdd(connection, 0);
        return new Registration(this, connection);
    }

    /// <summary>Aborts the connections idle for longer than their stream's timeout.</summary>
    public int AbortIdle()
    {
        var now = time.GetTimestamp();
        var aborted = 0;
        foreach (var connection in _open.Keys)
        {
            if (connection.IsIdle(now))
            {
                connection.Abort();
                aborted++;
            }
        }

        return aborted;
    }

    /// <summary>Aborts every connection: the data plane is stopping, and a stream may stay open for hours.</summary>
    public void AbortAll()
    {
        foreach (var connection in _open.Keys)
        {
            connection.Abort();
        }
    }

    private sealed class Registration(StreamConnections owner, StreamConnection connection) : IDisposable
    {
        public void Dispose() => owner._open.TryRemove(connection, out _);
    }
}
