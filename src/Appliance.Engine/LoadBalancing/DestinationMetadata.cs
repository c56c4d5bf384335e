using System.Globalization;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.LoadBalancing;

/// <summary>Per-backend data that rides in YARP's destination metadata.</summary>
internal static class DestinationMetadata
{
    public const string Weight = "Appliance.Weight";
    public const string Position = "Appliance.Position";

    /// <summary>Reads an integer entry, or <paramref name="fallback"/> when it is missing or malformed.</summary>
    public static int ReadInt(DestinationConfig destination, string key, int fallback) =>
        destination.Metadata is not null && destination.Metadata.TryGetValue(key, out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
}
