using System.Collections.Concurrent;

namespace Appliance.Engine.Metrics;

/// <summary>
/// How many of something each client holds now (connections open, connections held), keyed by its
/// address or its ban key, with a cap checked and counted in one step. A key leaves the tally with
/// its last one, so the tally is bounded by what is counted.
/// </summary>
internal sealed class Tally<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, int> _counts = new();

    /// <summary>Keys holding at least one now.</summary>
    public int Keys => _counts.Count;

    /// <summary>Counts one more for <paramref name="key"/>; false (and nothing counted) when it already holds <paramref name="cap"/>.</summary>
    public bool TryAdd(TKey key, int cap)
    {
        while (true)
        {
            var current = _counts.GetOrAdd(key, 0);
            if (current >= cap)
            {
                return false;
            }

            if (_counts.TryUpdate(key, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Remove(TKey key)
    {
        while (_counts.TryGetValue(key, out var current))
        {
            if (current <= 1 ? _counts.TryRemove(new KeyValuePair<TKey, int>(key, current)) : _counts.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
    }
}
