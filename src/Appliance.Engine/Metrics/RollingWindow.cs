namespace Appliance.Engine.Metrics;

/// <summary>
/// Counts requests, status classes, errors and latencies in one-second buckets over the last
/// minute, and the same since start for Prometheus. A lock per window is cheaper than the
/// proxying it measures and keeps reads consistent.
/// </summary>
internal sealed class RollingWindow
{
    public const int Seconds = 60;

    private readonly Bucket[] _buckets = Enumerable.Range(0, Seconds).Select(_ => new Bucket()).ToArray();
    private readonly Lock _lock = new();
    private readonly long[] _totalStatusClasses = new long[5];
    private readonly long[] _totalLatencies = new long[LatencyBuckets.Count];
    private double _totalMilliseconds;

    /// <summary>Records one finished request at second <paramref name="second"/> (Unix time).</summary>
    public void Record(long second, int statusCode, bool failed, double milliseconds) =>
        RecordInBucket(second, statusCode, failed, LatencyBuckets.IndexOf(milliseconds), milliseconds);

    // The latency bucket is found once per request by the caller, not once per window.
    internal void RecordInBucket(long second, int statusCode, bool failed, int latencyIndex, double milliseconds)
    {
        var statusClass = Math.Clamp(statusCode / 100, 1, 5) - 1;
        lock (_lock)
        {
            var bucket = _buckets[second % Seconds];
            if (bucket.Second != second)
            {
                bucket.Reset(second);
            }

            bucket.Requests++;
            bucket.StatusClasses[statusClass]++;
            if (failed || statusCode >= 500)
            {
                bucket.Errors++;
            }

            bucket.Latencies[latencyIndex]++;

            _totalStatusClasses[statusClass]++;
            _totalLatencies[latencyIndex]++;
            _totalMilliseconds += milliseconds;
        }
    }

    /// <summary>Counts since start (or since the name appeared), for counters that only grow.</summary>
    public CumulativeStats ReadCumulative()
    {
        lock (_lock)
        {
            return new CumulativeStats((long[])_totalStatusClasses.Clone(), (long[])_totalLatencies.Clone(), _totalMilliseconds);
        }
    }

    /// <summary>Totals of the <paramref name="seconds"/> (at most <see cref="Seconds"/>) seconds that end at <paramref name="now"/> (Unix time).</summary>
    public WindowStats Read(long now, int seconds = Seconds)
    {
        seconds = Math.Clamp(seconds, 1, Seconds);
        long requests = 0, errors = 0;
        var statusClasses = new long[5];
        var latencies = new long[LatencyBuckets.Count];
        lock (_lock)
        {
            foreach (var bucket in _buckets)
            {
                if (bucket.Second <= now - seconds || bucket.Second > now)
                {
                    continue;
                }

                requests += bucket.Requests;
                errors += bucket.Errors;
                for (var i = 0; i < statusClasses.Length; i++)
                {
                    statusClasses[i] += bucket.StatusClasses[i];
                }

                for (var i = 0; i < latencies.Length; i++)
                {
                    latencies[i] += bucket.Latencies[i];
                }
            }
        }

        if (requests == 0)
        {
            return WindowStats.Empty;
        }

        return new WindowStats(
            requests,
            requests / (double)seconds,
            errors / (double)requests,
            Percentile(latencies, requests, 0.50),
            Percentile(latencies, requests, 0.95),
            statusClasses[0], statusClasses[1], statusClasses[2], statusClasses[3], statusClasses[4]);
    }

    private static double Percentile(long[] latencies, long total, double quantile)
    {
        var rank = (long)Math.Ceiling(total * quantile);
        long seen = 0;
        for (var i = 0; i < latencies.Length; i++)
        {
            seen += latencies[i];
            if (seen >= rank)
            {
                return Math.Round(LatencyBuckets.UpperBounds[i], 2);
            }
        }

        return Math.Round(LatencyBuckets.UpperBounds[^1], 2);
    }

    private sealed class Bucket
    {
        public long Second { get; private set; } = long.MinValue;
        public long Requests;
        public long Errors;
        public readonly long[] StatusClasses = new long[5];
        public readonly long[] Latencies = new long[LatencyBuckets.Count];

        public void Reset(long second)
        {
            Second = second;
            Requests = 0;
            Errors = 0;
            Array.Clear(StatusClasses);
            Array.Clear(Latencies);
        }
    }
}
