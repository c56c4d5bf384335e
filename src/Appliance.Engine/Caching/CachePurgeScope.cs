using System.Text.Json.Serialization;

namespace Appliance.Engine.Caching;

/// <summary>What a purge removes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CachePurgeScope>))]
public enum CachePurgeScope
{
    /// <summary>One URL key: every variant, with and without its query.</summary>
    Url,

    /// <summary>Every URL key that starts with the key.</summary>
    Prefix,

    /// <summary>Everything.</summary>
    All,
}
