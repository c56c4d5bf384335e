namespace Appliance.Engine.Caching.Disk;

/// <summary>Where an answer from the cache came from.</summary>
public enum CacheTier
{
    Memory,
    Disk,
}
