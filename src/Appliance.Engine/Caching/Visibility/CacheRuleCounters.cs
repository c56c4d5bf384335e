using System.Collections.Concurrent;

namespace Appliance.Engine.Caching.Visibility;

/// <summary>Hits and misses by cache rule name since start, for the Cache page and <c>/metrics</c>.</summary>
public sealed class CacheRuleCounters
{
    private readonly ConcurrentDictionary<string, Counts> _rules = new(StringComparer.Ordinal);

    internal void CountHit(string rule) => Interlocked.Increment(ref For(rule).Hits);

    internal void CountMiss(string rule) => Interlocked.Increment(ref For(rule).Misses);

    /// <summary>Every rule that has seen a lookup, by name.</summary>
    public IReadOnlyList<CacheRuleRatio> Read() =>
        [.. _rules.Select(r => new CacheRuleRatio(r.Key, Interlocked.Read(ref r.Value.Hits), Interlocked.Read(ref r.Value.Misses))).OrderBy(r => r.Rule, StringComparer.Ordinal)];

    private Counts For(string rule) => _rules.GetOrAdd(rule, static _ => new Counts());

    private sealed class Counts
    {
        public long Hits;
        public long Misses;
    }
}
