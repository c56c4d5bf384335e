namespace Appliance.Engine.Configuration;

/// <summary>Engine-wide settings that shape every cluster.</summary>
internal sealed record SnapshotBuilderOptions
{
    /// <summary>How long a backend that failed on live traffic stays out before it is tried again.</summary>
    public TimeSpan PassiveReactivationPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a backend may stay silent while answering before the request fails with 504.</summary>
    public TimeSpan BackendTimeout { get; init; } = TimeSpan.FromSeconds(100);
}
