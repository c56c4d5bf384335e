namespace Appliance.Engine.Configuration;

/// <summary>
/// The parts of one snapshot that features compiled for the whole configuration, one per part
/// type (<see cref="ISnapshotPartCompiler"/>). Filled while the snapshot is built, read-only after.
/// </summary>
internal sealed class SnapshotParts
{
    private readonly Dictionary<Type, object> _parts = [];

    /// <summary>No part at all: the empty snapshot's.</summary>
    public static SnapshotParts None { get; } = new();

    /// <summary>Sets the part of the feature that makes <typeparamref name="TPart"/>.</summary>
    public void Set<TPart>(TPart part)
        where TPart : class => _parts[typeof(TPart)] = part ?? throw new ArgumentNullException(nameof(part));

    /// <summary>The part of type <typeparamref name="TPart"/>, or null when no compiler made one.</summary>
    public TPart? Get<TPart>()
        where TPart : class => _parts.TryGetValue(typeof(TPart), out var part) ? (TPart)part : null;
}
