namespace Appliance.Engine.Uptime;

/// <summary>What became of recorded transitions, for <c>/metrics</c>.</summary>
internal sealed class UptimeCounters
{
    private long _written;
    private long _droppedQueueFull;
    private long _droppedDatabase;

    public long Written => Interlocked.Read(ref _written);

    public long DroppedQueueFull => Interlocked.Read(ref _droppedQueueFull);

    public long DroppedDatabase => Interlocked.Read(ref _droppedDatabase);

    public void AddWritten(int count) => Interlocked.Add(ref _written, count);

    public void AddDroppedQueueFull() => Interlocked.Increment(ref _droppedQueueFull);

    public void AddDroppedDatabase(int count) => Interlocked.Add(ref _droppedDatabase, count);
}
