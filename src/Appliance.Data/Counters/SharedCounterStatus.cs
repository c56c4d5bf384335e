namespace Appliance.Data.Counters;

/// <summary>
/// Whether the counters several nodes share are in use: Redis configured, reachable, and since when
/// it is not. Read by the dashboard's warning and by <c>/metrics</c>; written by
/// <see cref="RedisConnection"/> and <see cref="SharedCounters"/>. Lock-free: the request path marks
/// Redis up or down.
/// </summary>
public sealed class SharedCounterStatus
{
    private const long Up = 0;

    private readonly TimeProvider _time;
    private long _downSinceTicks;
    private long _fallbacks;

    /// <param name="time">The clock.</param>
    /// <param name="configured">Redis is configured: until it first answers, it counts as down.</param>
    public SharedCounterStatus(TimeProvider time, bool configured)
    {
        _time = time;
        IsConfigured = configured;
        _downSinceTicks = configured ? time.GetUtcNow().UtcTicks : Up;
    }

    /// <summary>True when <c>Appliance:Redis:Configuration</c> is set.</summary>
    public bool IsConfigured { get; }

    /// <summary>When configured: Redis answers, so limits and failure counts are shared.</summary>
    public bool IsUp => IsConfigured && Interlocked.Read(ref _downSinceTicks) == Up;

    /// <summary>Since when Redis is configured but unusable (null while it works or is not configured).</summary>
    public DateTimeOffset? DownSince => Interlocked.Read(ref _downSinceTicks) is var ticks && ticks != Up
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    /// <summary>Decisions taken on local counts because Redis was configured but unusable, since start.</summary>
    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    internal void RecordFallback() => Interlocked.Increment(ref _fallbacks);

    /// <summary>Marks Redis unusable; true when it was usable until now (the caller logs the change once).</summary>
    internal bool MarkDown() =>
        Interlocked.CompareExchange(ref _downSinceTicks, _time.GetUtcNow().UtcTicks, Up) == Up;

    /// <summary>Marks Redis usable again; true when it was down until now.</summary>
    internal bool MarkUp() =>
        Interlocked.Read(ref _downSinceTicks) != Up && Interlocked.Exchange(ref _downSinceTicks, Up) != Up;
}
