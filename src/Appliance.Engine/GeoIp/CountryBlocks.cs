using System.Collections.Concurrent;

namespace Appliance.Engine.GeoIp;

/// <summary>
/// Requests a country rule turned away, by country since start. Country codes are a bounded set
/// (about 250), so they make a fair metric label where addresses would not.
/// </summary>
public sealed class CountryBlocks
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Record(string country) => _counts.AddOrUpdate(country, 1, static (_, n) => n + 1);

    public IReadOnlyList<(string Country, long Count)> Counts() =>
        _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)).ToArray();
}
