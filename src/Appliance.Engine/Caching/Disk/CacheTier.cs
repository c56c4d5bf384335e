using System.Text.Json.Serialization;

namespace Appliance.Engine.Caching.Disk;

/// <summary>Where an answer from the cache came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CacheTier>))]
public enum CacheTier
{
    Memory,
    Disk,
}
