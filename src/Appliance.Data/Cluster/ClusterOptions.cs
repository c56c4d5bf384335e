using Microsoft.Extensions.Configuration;

namespace Appliance.Data.Cluster;

/// <summary><c>Appliance:Cluster:*</c>: how the nodes on one PostgreSQL database hear about each other's changes.</summary>
public sealed record ClusterOptions(bool Notifications)
{
    public const string NotificationsKey = "Appliance:Cluster:Notifications";

    /// <summary>
    /// How often a node looks for configuration revisions and cluster messages when no notification
    /// came: short enough that a lost notification is caught within about two seconds.
    /// </summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Reads the settings; a value that is not true or false stops the start with the key to fix.</summary>
    public static ClusterOptions FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[NotificationsKey];
        var notifications = true;
        if (!string.IsNullOrWhiteSpace(text) && !bool.TryParse(text.Trim(), out notifications))
        {
            throw new InvalidOperationException(
                $"{NotificationsKey} is '{text}'; use true (LISTEN/NOTIFY wakes the nodes, the default) or false (polling alone).");
        }

        return new ClusterOptions(notifications);
    }
}
