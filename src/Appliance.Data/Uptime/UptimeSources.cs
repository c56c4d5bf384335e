namespace Appliance.Data.Uptime;

/// <summary>Which check decided a transition, as the API spells it.</summary>
public static class UptimeSources
{
    /// <summary>Active health probes.</summary>
    public const string Probe = "probe";

    /// <summary>Live traffic (passive health): transport failures, or their time-out ending.</summary>
    public const string Traffic = "traffic";

    /// <summary>Not a check: the backend left the node's configuration.</summary>
    public const string Configuration = "configuration";
}
