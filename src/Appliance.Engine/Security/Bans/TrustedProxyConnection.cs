namespace Appliance.Engine.Security.Bans;

/// <summary>
/// Marks a connection whose peer is a trusted proxy, set at accept (one shared instance, nothing
/// allocated): its requests carry other clients too, so a banned client among them gets a 403
/// rather than the connection closed. Kestrel hands connection features on to each request's.
/// </summary>
internal sealed class TrustedProxyConnection
{
    public static TrustedProxyConnection Instance { get; } = new();

    private TrustedProxyConnection()
    {
    }
}
