namespace Appliance.Engine.Randomness;

/// <summary>Thread-safe randomness from <see cref="Random.Shared"/>; not for secrets.</summary>
internal sealed class SharedRandomSource : IRandomSource
{
    public int Next(int maxExclusive) => Random.Shared.Next(maxExclusive);
}
