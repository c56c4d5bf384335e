namespace Appliance.Engine.Streams;

/// <summary>
/// One stream's live figures, kept across revisions while the stream exists: connections open and
/// counted by result, bytes each way, and whether its listener is bound. Updated without locks from
/// every connection; read by the dashboard and <c>/metrics</c>.
/// </summary>
public sealed class StreamState
{
    private readonly long[] _results = new long[StreamResults.All.Count];
    private long _open;
    private long _bytesIn;
    private long _bytesOut;

    internal StreamState(string name) => Name = name;

    public string Name { get; }

    /// <summary>Connections open now.</summary>
    public long Open => Interlocked.Read(ref _open);

    /// <summary>Bytes received from clients and sent to backends.</summary>
    public long BytesIn => Interlocked.Read(ref _bytesIn);

    /// <summary>Bytes received from backends and sent to clients.</summary>
    public long BytesOut => Interlocked.Read(ref _bytesOut);

    /// <summary><c>Listening</c>, <c>Passthrough</c>, <c>Failed</c> or <c>Stopped</c>.</summary>
    public string Listener { get; internal set; } = StreamListenerStates.Stopped;

    /// <summary>Why the listener is not listening, in words; null when it is.</summary>
    public string? ListenerError { get; internal set; }

    /// <summary>Connections since start that ended at accept as <paramref name="result"/> (one of <see cref="StreamResults"/>).</summary>
    public long Count(string result) => Interlocked.Read(ref _results[Index(result)]);

    internal void Counted(string result) => Interlocked.Increment(ref _results[Index(result)]);

    /// <summary>Counts a connection as open unless <paramref name="max"/> are; false (nothing counted) when full.</summary>
    internal bool TryOpen(int max)
    {
        while (true)
        {
            var open = Interlocked.Read(ref _open);
            if (open >= max)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _open, open + 1, open) == open)
            {
                return true;
            }
        }
    }

    internal void Closed() => Interlocked.Decrement(ref _open);

    internal void AddIn(int bytes) => Interlocked.Add(ref _bytesIn, bytes);

    internal void AddOut(int bytes) => Interlocked.Add(ref _bytesOut, bytes);

    private static int Index(string result)
    {
        for (var i = 0; i < StreamResults.All.Count; i++)
        {
            if (ReferenceEquals(StreamResults.All[i], result) || StreamResults.All[i] == result)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(result), result, "Not a stream result.");
    }
}
