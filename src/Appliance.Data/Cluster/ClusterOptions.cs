namespace Appliance.Data.Cluster;

/// <summary>
/// <c>Appliance:Cluster:*</c>: how the nodes on one PostgreSQL database hear about each other's
/// changes. Bound and checked at start by <see cref="ClusterOptionsValidator"/>.
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Appliance:Cluster";
    public const string NotificationsKey = Section + ":" + nameof(Notifications);
    public const string PollSecondsKey = Section + ":" + nameof(PollSeconds);
    public const int DefaultPollSeconds = 1;
    public const int MaxPollSeconds = 3600;

    // The bound values are nullable so that a key given empty (an environment variable set to
    // nothing, an override to null) means the default, as it always has, rather than false or 0.

    /// <summary>Whether a LISTEN connection wakes this node at once (<c>false</c> leaves polling alone); unset is true.</summary>
    public bool? Notifications { get; set; }

    /// <summary>
    /// How often, in seconds, this node looks for configuration revisions and cluster messages nobody
    /// told it of: short by default, so that a lost notification is caught within about two seconds.
    /// </summary>
    public int? PollSeconds { get; set; }

    /// <summary><see cref="Notifications"/>, with its default.</summary>
    public bool Listens => Notifications ?? true;

    /// <summary><see cref="PollSeconds"/>, with its default.</summary>
    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds ?? DefaultPollSeconds);
}
