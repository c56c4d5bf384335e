using System.Collections.Frozen;

namespace Appliance.Engine.PoolLimits;

/// <summary>
/// The capped pools of one revision and their limits. The same set is every route's plan part (a
/// route's traffic split can send a request to any of its pools) and the snapshot's part (what the
/// control plane reports as configured).
/// </summary>
internal sealed class PoolLimitSet(FrozenDictionary<string, PoolLimit> limits)
{
    public static PoolLimitSet None { get; } = new(FrozenDictionary<string, PoolLimit>.Empty);

    /// <summary>Capped pools by name.</summary>
    public FrozenDictionary<string, PoolLimit> Limits { get; } = limits;

    /// <summary>The limit of <paramref name="pool"/>, or null when it has no cap.</summary>
    public PoolLimit? For(string pool) => Limits.GetValueOrDefault(pool);
}
