using Appliance.Engine.Metrics;

namespace Appliance.Engine.Caching.Visibility;

/// <summary>The cache at <c>/metrics</c>: entries, bytes and hits per tier, misses, evictions, corrupt files dropped, and lookups per rule.</summary>
internal sealed class CacheMetrics(ResponseCache cache) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        var memory = cache.Statistics();
        var disk = cache.Disk.Statistics();
        var memoryTier = PrometheusText.Label("tier", "memory");
        var diskTier = PrometheusText.Label("tier", "disk");
        text.Family("appliance_cache_entries", "gauge", "Objects (variants) the cache holds, by tier.")
            .Sample("appliance_cache_entries", memoryTier, memory.Entries)
            .Sample("appliance_cache_entries", diskTier, disk.Entries);
        text.Family("appliance_cache_bytes", "gauge", "Bytes the cache holds, by tier.")
            .Sample("appliance_cache_bytes", memoryTier, memory.Bytes)
            .Sample("appliance_cache_bytes", diskTier, disk.Bytes);
        text.Family("appliance_cache_max_bytes", "gauge", "Each tier's bound in bytes (0: no disk tier).")
            .Sample("appliance_cache_max_bytes", memoryTier, memory.MaxBytes)
            .Sample("appliance_cache_max_bytes", diskTier, disk.MaxBytes);

        // Hits answered with a large object streamed from its file, or a small one read back from it, count as disk hits.
        text.Family("appliance_cache_hits_total", "counter", "Requests answered from the cache, by the tier the answer came from.")
            .Sample("appliance_cache_hits_total", memoryTier, memory.Hits - disk.Hits)
            .Sample("appliance_cache_hits_total", diskTier, disk.Hits);
        text.Single("appliance_cache_misses_total", "counter", "Requests the cache could not answer from what it holds.", memory.Misses);
        text.Family("appliance_cache_evictions_total", "counter", "Objects evicted to stay within a tier's bound (from memory they go to disk when there is one).")
            .Sample("appliance_cache_evictions_total", memoryTier, memory.Evictions)
            .Sample("appliance_cache_evictions_total", diskTier, disk.Evictions);
        text.Single("appliance_cache_disk_writes_total", "counter", "Cache files written (large objects, objects evicted from memory, refreshed entries).", disk.Writes);
        text.Single("appliance_cache_disk_corrupt_total", "counter", "Cache files found cut short or not matching their checksum: dropped, never served.", disk.Corrupt);
        var rules = cache.Rules.Read();
        text.Family("appliance_cache_rule_lookups_total", "counter", "Lookups by cache rule and outcome (hit or miss).");
        foreach (var rule in rules)
        {
            var name = PrometheusText.Label("rule", rule.Rule);
            text.Sample("appliance_cache_rule_lookups_total", PrometheusText.Join(name, PrometheusText.Label("outcome", "hit")), rule.Hits);
            text.Sample("appliance_cache_rule_lookups_total", PrometheusText.Join(name, PrometheusText.Label("outcome", "miss")), rule.Misses);
        }
    }
}
