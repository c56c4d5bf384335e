namespace Appliance.Engine.Randomness;

/// <summary>Randomness for the request path, injectable so that tests can fix the draws.</summary>
internal interface IRandomSource
{
    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    int Next(int maxExclusive);
}
