using System.Net;
using Appliance.Data.Networking;

namespace Appliance.Engine.Maintenance;

/// <summary>The maintenance part of a route's plan: whether it is on, the Retry-After it answers with, and who still passes.</summary>
internal sealed class RouteMaintenance(bool enabled, string retryAfter, IPNetwork[] allow)
{
    public static RouteMaintenance Off { get; } = new(false, "", []);

    public bool Enabled { get; } = enabled;

    /// <summary>Seconds, as the header carries them.</summary>
    public string RetryAfter { get; } = retryAfter;

    /// <summary>Whether <paramref name="client"/> (the settled address) reaches the backends despite maintenance.</summary>
    public bool Allows(IPAddress? client) =>
        client is not null && NetworkRanges.Contains(allow, ClientAddresses.Normalize(client));
}
