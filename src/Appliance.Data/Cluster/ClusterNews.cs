namespace Appliance.Data.Cluster;

/// <summary>
/// The PostgreSQL NOTIFY channel the nodes listen on and what its payloads mean. A notification only
/// wakes a reader: what changed is always read from the tables, so a lost one costs a poll, not data.
/// </summary>
public static class ClusterNews
{
    /// <summary>The one channel every node LISTENs on.</summary>
    public const string Channel = "appliance_cluster";

    /// <summary>A configuration revision was committed (certificates included).</summary>
    public const string Configuration = "configuration";

    /// <summary>A cluster message was appended.</summary>
    public const string Messages = "messages";
}
