using Appliance.Engine.Security.Bans;

namespace Appliance.Engine.Security.TurnedAway;

/// <summary>
/// The addresses turned away most, over the last one to two generations: two
/// <see cref="OffenderSketch"/>es, the current one and the one before, swapped every
/// <see cref="GenerationSeconds"/>. An attack that stopped leaves the list within two generations, and a
/// read sums the two, so a list never empties just because a generation turned.
/// </summary>
internal sealed class TopOffenders(int slots)
{
    /// <summary>How long a sketch counts before it becomes the previous one.</summary>
    public const long GenerationSeconds = 300;

    private readonly Lock _lock = new();
    private OffenderSketch _current = new(slots);
    private OffenderSketch _previous = new(slots);
    private long _generation = -1;

    /// <summary>Addresses held in both sketches: at most twice the slots, whatever the flood.</summary>
    public int Tracked
    {
        get
        {
            lock (_lock)
            {
                return _current.Count + _previous.Count;
            }
        }
    }

    public void Add(long second, BanKey key, TurnedAwayReason reason)
    {
        lock (_lock)
        {
            Turn(second);
            _current.Add(key, reason);
        }
    }

    /// <summary>Every held address with its summed count and reasons (a bit per reason), as of <paramref name="second"/>.</summary>
    public Dictionary<BanKey, (long Count, int Reasons)> Read(long second)
    {
        var merged = new Dictionary<BanKey, (long Count, int Reasons)>();
        lock (_lock)
        {
            Turn(second);
            _previous.AddTo(merged);
            _current.AddTo(merged);
        }

        return merged;
    }

    // Generations are numbered from the recorder's start; one that ended more than a generation ago
    // leaves nothing behind, so an attack an hour old is gone at the next read or record.
    private void Turn(long second)
    {
        var generation = second / GenerationSeconds;
        if (generation <= _generation)
        {
            return; // the same generation, or a writer that read the clock just before another turned it
        }

        if (generation == _generation + 1)
        {
            (_previous, _current) = (_current, _previous);
        }
        else
        {
            _previous.Clear();
        }

        _current.Clear();
        _generation = generation;
    }
}
