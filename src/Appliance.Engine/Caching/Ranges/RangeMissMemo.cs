using System.Collections.Concurrent;

namespace Appliance.Engine.Caching.Ranges;

/// <summary>
/// The URLs whose whole response, fetched for a range miss, could not be stored (too large for the rule,
/// or not storable at all): their next range misses forward the Range as it came, so a 2 GB video is not
/// fetched whole for every seek. Bounded: when full it starts over, and a forgotten URL costs one whole
/// fetch that tells the cache again. A URL leaves it once its whole response is stored.
/// </summary>
internal sealed class RangeMissMemo
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, byte> _refused = new(StringComparer.Ordinal);

    public bool ForwardsRanges(string key) => !_refused.IsEmpty && _refused.ContainsKey(key);

    public void Refused(string key)
    {
        if (_refused.Count >= Capacity)
        {
            _refused.Clear();
        }

        _refused[key] = 0;
    }

    public void Stored(string key)
    {
        if (!_refused.IsEmpty)
        {
            _refused.TryRemove(key, out _);
        }
    }
}
