using Appliance.Engine.Security.Bans;

namespace Appliance.Engine.Security.TurnedAway;

/// <summary>
/// Space-saving heavy hitters (Metwally et al.) over a fixed number of slots: an address already
/// held counts up; a new one takes a free slot or, when all are taken, the slot of the least counted
/// address, inheriting its count plus one. Any address turned away more than total / slots times is
/// certain to be held, and a flood of addresses seen once each only churns the smallest slots:
/// memory never grows past the slots. Not thread-safe: <see cref="TopOffenders"/> holds a lock.
/// </summary>
internal sealed class OffenderSketch
{
    private readonly Dictionary<BanKey, int> _index;
    private readonly BanKey[] _keys;
    private readonly long[] _counts;
    private readonly int[] _reasons;
    private int _used;

    // No count is below this while every slot is taken (counts only grow, an evicted slot takes the
    // smallest plus one): a slot found at it is a smallest one, without scanning the rest.
    private long _floor;
    private int _cursor;

    public OffenderSketch(int slots)
    {
        _index = new Dictionary<BanKey, int>(slots);
        _keys = new BanKey[slots];
        _counts = new long[slots];
        _reasons = new int[slots];
    }

    /// <summary>Addresses held now.</summary>
    public int Count => _used;

    /// <summary>Counts one refusal of <paramref name="key"/> for <paramref name="reason"/>.</summary>
    public void Add(BanKey key, TurnedAwayReason reason)
    {
        var bit = 1 << (int)reason;
        if (_index.TryGetValue(key, out var slot))
        {
            _counts[slot]++;
            _reasons[slot] |= bit;
            return;
        }

        if (_used < _keys.Length)
        {
            slot = _used++;
            _counts[slot] = 1;
        }
        else
        {
            slot = Smallest();
            _index.Remove(_keys[slot]);
            _counts[slot]++;
        }

        _keys[slot] = key;
        _reasons[slot] = bit;
        _index[key] = slot;
    }

    /// <summary>Adds every held address, its count and its reasons (a bit per reason) into <paramref name="into"/>.</summary>
    public void AddTo(Dictionary<BanKey, (long Count, int Reasons)> into)
    {
        for (var i = 0; i < _used; i++)
        {
            into[_keys[i]] = into.TryGetValue(_keys[i], out var held)
                ? (held.Count + _counts[i], held.Reasons | _reasons[i])
                : (_counts[i], _reasons[i]);
        }
    }

    public void Clear()
    {
        _index.Clear();
        _used = 0;
        _floor = 0;
        _cursor = 0;
    }

    // Under a flood of addresses seen once, many slots share the smallest count: going round from
    // where the last search stopped finds one in a step or two. Only when none is left at the floor
    // does a full scan raise it. Cheaper than keeping a heap in order on every count.
    private int Smallest()
    {
        for (var step = 0; step < _used; step++)
        {
            var i = _cursor;
            _cursor = i + 1 == _used ? 0 : i + 1;
            if (_counts[i] == _floor)
            {
                return i;
            }
        }

        var smallest = 0;
        for (var i = 1; i < _used; i++)
        {
            if (_counts[i] < _counts[smallest])
            {
                smallest = i;
            }
        }

        _floor = _counts[smallest];
        return smallest;
    }
}
