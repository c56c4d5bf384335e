using System.Collections.Concurrent;

namespace Appliance.Engine.Metrics;

/// <summary>Rolling traffic windows of the whole data plane and of each route, pool and backend.</summary>
public sealed class TrafficMetrics(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, RollingWindow> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RollingWindow> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Pool, string Backend), RollingWindow> _backends = new();
    private readonly RollingWindow _total = new();

    /// <summary>Records one finished request. Route, pool and backend are null when the request never got that far.</summary>
    public void Record(DateTimeOffset finishedAt, string? route, string? pool, string? backend, int statusCode, bool failed, double milliseconds)
    {
        var second = finishedAt.ToUnixTimeSeconds();
        var latency = LatencyBuckets.IndexOf(milliseconds);
        _total.RecordInBucket(second, statusCode, failed, latency, milliseconds);
        if (route is not null)
        {
            _routes.GetOrAdd(route, static _ => new RollingWindow()).RecordInBucket(second, statusCode, failed, latency, milliseconds);
        }

        if (pool is not null)
        {
            _pools.GetOrAdd(pool, static _ => new RollingWindow()).RecordInBucket(second, statusCode, failed, latency, milliseconds);
            if (backend is not null)
            {
                _backends.GetOrAdd((pool, backend), static _ => new RollingWindow()).RecordInBucket(second, statusCode, failed, latency, milliseconds);
            }
        }
    }

    /// <summary>
    /// Forgets the windows of routes, pools and backends that are no longer configured, so that
    /// names come and go without the windows piling up.
    /// </summary>
    internal void RetainOnly(ProxySnapshotNames names)
    {
        foreach (var route in _routes.Keys.Where(r => !names.Routes.Contains(r)))
        {
            _routes.TryRemove(route, out _);
        }

        foreach (var pool in _pools.Keys.Where(p => !names.Pools.Contains(p)))
        {
            _pools.TryRemove(pool, out _);
        }

        foreach (var backend in _backends.Keys.Where(b => !names.Backends.Contains(b)))
        {
            _backends.TryRemove(backend, out _);
        }
    }

    public WindowStats Total() => _total.Read(Now());

    /// <summary>Totals of the <paramref name="seconds"/> whole seconds before the current one, which is still filling.</summary>
    internal WindowStats TotalOfLastCompletedSeconds(int seconds) => _total.Read(Now() - 1, seconds);

    internal CumulativeStats TotalSinceStart() => _total.ReadCumulative();

    internal IEnumerable<(string Route, CumulativeStats Stats)> RoutesSinceStart() =>
        _routes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value.ReadCumulative()));

    internal IEnumerable<(string Pool, CumulativeStats Stats)> PoolsSinceStart() =>
        _pools.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.ReadCumulative()));

    internal IEnumerable<(string Pool, string Backend, CumulativeStats Stats)> BackendsSinceStart() =>
        _backends.OrderBy(b => b.Key.Pool, StringComparer.Ordinal).ThenBy(b => b.Key.Backend, StringComparer.Ordinal)
            .Select(b => (b.Key.Pool, b.Key.Backend, b.Value.ReadCumulative()));

    public WindowStats ForRoute(string route) => Read(_routes, route);

    public WindowStats ForPool(string pool) => Read(_pools, pool);

    public WindowStats ForBackend(string pool, string backend) => Read(_backends, (pool, backend));

    private WindowStats Read<TKey>(ConcurrentDictionary<TKey, RollingWindow> windows, TKey key)
        where TKey : notnull =>
        windows.TryGetValue(key, out var window) ? window.Read(Now()) : WindowStats.Empty;

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();
}
