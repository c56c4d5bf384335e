using Appliance.Engine.Metrics;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// What one route's mirror did since start: copies sent, dropped at the in-flight bound, skipped
/// and failed, and the shadow's answers (status classes and latency, also over the last minute).
/// </summary>
public sealed class MirrorRouteCounters
{
    private readonly RollingWindow _answers = new();
    private readonly long[] _skipped = new long[Enum.GetValues<MirrorSkipReason>().Length];
    private readonly long[] _failed = new long[Enum.GetValues<MirrorFailure>().Length];
    private long _sent;
    private long _dropped;

    public long Sent => Interlocked.Read(ref _sent);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Skipped(MirrorSkipReason reason) => Interlocked.Read(ref _skipped[(int)reason]);

    public long Failed(MirrorFailure failure) => Interlocked.Read(ref _failed[(int)failure]);

    public long SkippedTotal => Enum.GetValues<MirrorSkipReason>().Sum(Skipped);

    /// <summary>Transport failures and requests with no backend to go to; timeouts are counted apart.</summary>
    public long Errors => Failed(MirrorFailure.Transport) + Failed(MirrorFailure.NoBackend);

    internal void CountSent() => Interlocked.Increment(ref _sent);

    internal void CountDropped() => Interlocked.Increment(ref _dropped);

    internal void CountSkipped(MirrorSkipReason reason) => Interlocked.Increment(ref _skipped[(int)reason]);

    internal void CountFailed(MirrorFailure failure) => Interlocked.Increment(ref _failed[(int)failure]);

    /// <summary>Records the shadow's answer to one copy, finished at <paramref name="second"/> (Unix time).</summary>
    internal void CountAnswer(long second, int statusCode, double milliseconds) =>
        _answers.Record(second, statusCode, failed: false, milliseconds);

    /// <summary>The shadow's answers since start, for counters that only grow.</summary>
    internal CumulativeStats AnswersSinceStart() => _answers.ReadCumulative();

    /// <summary>The shadow's answers over the last minute up to <paramref name="now"/> (Unix seconds).</summary>
    internal WindowStats AnswersOfLastMinute(long now) => _answers.Read(now);
}
