namespace Appliance.Engine.LoadBalancing;

/// <summary>
/// nginx's smooth weighted round robin: weights 5, 1, 1 give a a b a c a a rather than
/// a a a a a b c, so a heavy backend never gets a burst. Not thread-safe; the caller locks.
/// </summary>
internal sealed class SmoothWeightedRoundRobin
{
    private readonly Dictionary<string, long> _currentWeights = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Picks among <paramref name="count"/> candidates whose ids, weights and list positions the
    /// functions give, and returns the index of the chosen one. Ties go to the earlier position,
    /// as nginx's go to the earlier peer, whatever order the candidates come in. Candidates absent
    /// from a call keep their current weight, as nginx's skipped peers do.
    /// </summary>
    public int Pick<TState>(int count, TState state, Func<TState, int, string> idAt, Func<TState, int, int> weightAt, Func<TState, int, int> positionAt)
    {
        var best = -1;
        long bestWeight = 0;
        var bestPosition = int.MaxValue;
        string? bestId = null;
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var id = idAt(state, i);
            var weight = weightAt(state, i);
            var current = _currentWeights.GetValueOrDefault(id) + weight;
            _currentWeights[id] = current;
            total += weight;
            var position = positionAt(state, i);
            if (best < 0 || current > bestWeight || (current == bestWeight && position < bestPosition))
            {
                best = i;
                bestWeight = current;
                bestPosition = position;
                bestId = id;
            }
        }

        if (bestId is not null)
        {
            _currentWeights[bestId] = bestWeight - total;
        }

        return best;
    }
}
