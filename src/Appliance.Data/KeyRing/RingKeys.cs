namespace Appliance.Data.KeyRing;

/// <summary>
/// The key that encrypts new key ring entries, and the keys that may still decrypt older ones
/// (<c>Appliance:DataProtection:PreviousKeyFile</c> during a rotation).
/// </summary>
public sealed class RingKeys(RingKey current, IReadOnlyList<RingKey> previous)
{
    public RingKey Current { get; } = current;

    public IReadOnlyList<RingKey> Previous { get; } = previous;

    /// <summary>The key whose id is <paramref name="id"/>, or null.</summary>
    public RingKey? Find(string id) =>
        Current.Id == id ? Current : Previous.FirstOrDefault(k => k.Id == id);
}
