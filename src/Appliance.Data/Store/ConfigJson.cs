using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Data.Store;

/// <summary>The one JSON shape of configuration: camelCase, as the API and the audit trail show it.</summary>
public static class ConfigJson
{
    /// <summary>Options for reading and writing specs and documents. Unknown members are refused so that a typo is an error, not a silent default.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serialises a value for the audit trail.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
