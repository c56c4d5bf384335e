using Microsoft.Extensions.Configuration;

namespace Appliance.Data.Cluster;

/// <summary><c>Appliance:Cluster:*</c>: how the nodes on one PostgreSQL database hear about each other's changes.</summary>
/// <param name="Notifications">Whether a LISTEN connection wakes this node at once (<c>false</c> leaves polling alone).</param>
/// <param name="PollInterval">
/// How often this node looks for configuration revisions and cluster messages nobody told it of:
/// short by default, so that a lost notification is caught within about two seconds.
/// </param>
public sealed record ClusterOptions(bool Notifications, TimeSpan PollInterval)
{
    public const string NotificationsKey = "Appliance:Cluster:Notifications";
    public const string PollSecondsKey = "Appliance:Cluster:PollSeconds";
    public const int DefaultPollSeconds = 1;

    /// <summary>Reads the settings; a value out of range stops the start with the key to fix.</summary>
    public static ClusterOptions FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[NotificationsKey];
        var notifications = true;
        if (!string.IsNullOrWhiteSpace(text) && !bool.TryParse(text.Trim(), out notifications))
        {
            throw new InvalidOperationException(
                $"{NotificationsKey} is '{text}'; use true (LISTEN/NOTIFY wakes the nodes, the default) or false (polling alone).");
        }

        var pollText = configuration[PollSecondsKey];
        var pollSeconds = DefaultPollSeconds;
        if (!string.IsNullOrWhiteSpace(pollText)
            && (!int.TryParse(pollText.Trim(), System.Globalization.CultureInfo.InvariantCulture, out pollSeconds) || pollSeconds is < 1 or > 3600))
        {
            throw new InvalidOperationException($"{PollSecondsKey} is '{pollText}'; use whole seconds from 1 to 3600 (default {DefaultPollSeconds}).");
        }

        return new ClusterOptions(notifications, TimeSpan.FromSeconds(pollSeconds));
    }
}
