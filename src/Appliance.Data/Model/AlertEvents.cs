namespace Appliance.Data.Model;

/// <summary>The events an alert rule can send, as the API spells them.</summary>
public static class AlertEvents
{
    /// <summary>A backend left rotation on this node (probes or live traffic).</summary>
    public const string BackendDown = "BackendDown";

    /// <summary>A backend that was out of rotation on this node is back in it.</summary>
    public const string BackendUp = "BackendUp";

    /// <summary>No backend of a pool is in rotation on this node: its routes answer 503.</summary>
    public const string PoolDown = "PoolDown";

    /// <summary>A pool that had no backend in rotation has one again.</summary>
    public const string PoolUp = "PoolUp";

    /// <summary>An ACME issuance or renewal failed.</summary>
    public const string CertificateFailed = "CertificateFailed";

    /// <summary>A certificate expires within the rule's <see cref="AlertRuleSpec.ExpiringWithinDays"/>.</summary>
    public const string CertificateExpiring = "CertificateExpiring";

    /// <summary>The configuration changed: who changed what, from the audit trail.</summary>
    public const string ConfigChanged = "ConfigChanged";

    /// <summary>A node sharing the database stopped sending heartbeats.</summary>
    public const string NodeDown = "NodeDown";

    /// <summary>A node that was down sends heartbeats again.</summary>
    public const string NodeUp = "NodeUp";

    /// <summary>Sent by "Send test" only; no rule can ask for it.</summary>
    public const string Test = "Test";

    /// <summary>Every event a rule may name, in the order forms list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [BackendDown, BackendUp, PoolDown, PoolUp, CertificateFailed, CertificateExpiring, ConfigChanged, NodeDown, NodeUp];
}
