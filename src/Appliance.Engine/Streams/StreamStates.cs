using System.Collections.Concurrent;

namespace Appliance.Engine.Streams;

/// <summary>Every stream's <see cref="StreamState"/>, by name, shared by the data plane (which counts) and the control plane (which reports).</summary>
public sealed class StreamStates
{
    private readonly ConcurrentDictionary<string, StreamState> _states = new(StringComparer.Ordinal);

    /// <summary>The state of the stream named <paramref name="name"/>, made on first use.</summary>
    internal StreamState For(string name) => _states.GetOrAdd(name, static n => new StreamState(n));

    /// <summary>Every stream's state, in name order.</summary>
    public IReadOnlyList<StreamState> All() => _states.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Forgets the streams no longer configured; their open connections keep the object they hold.</summary>
    internal void RetainOnly(IEnumerable<string> names)
    {
        var kept = names.ToHashSet(StringComparer.Ordinal);
        foreach (var name in _states.Keys.Where(n => !kept.Contains(n)))
        {
            _states.TryRemove(name, out _);
        }
    }
}
