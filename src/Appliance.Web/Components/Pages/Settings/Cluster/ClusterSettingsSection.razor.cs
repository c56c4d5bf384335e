using Appliance.Data.Cluster;
using Appliance.Data.Counters;
using Appliance.Data.KeyRing;
using Appliance.Data.Providers;
using Appliance.Engine.Cluster;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Components.Pages.Settings.Cluster;

/// <summary>The cluster settings in force, read from the options the node started with, not from configuration again.</summary>
public partial class ClusterSettingsSection
{
    [Inject]
    private DatabaseOptions Database { get; set; } = default!;

    [Inject]
    private NodeIdentity Identity { get; set; } = default!;

    [Inject]
    private NodeOptions Node { get; set; } = default!;

    [Inject]
    private ClusterOptions Cluster { get; set; } = default!;

    [Inject]
    private RedisOptions Redis { get; set; } = default!;

    [Inject]
    private KeyRingOptions KeyRing { get; set; } = default!;

    // The connection string may carry a password, so only the provider is shown.
    private string DatabaseText => Database.IsShared
        ? $"{Database.Provider}: shared by every node on it"
        : $"{Database.Provider}: this node alone, in the data directory";

    private string SharedOnly => Database.IsShared ? "" : " (used with PostgreSQL only)";

    private string RedisText => Redis.Servers() is { Count: > 0 } servers
        ? string.Join(", ", servers) + ": rate limits and failure counts shared"
        : "none: rate limits and failure counts per node";

    private string ProtectorText =>
        KeyRing.CertificatePath is { } certificate ? $"certificate {certificate}"
        : KeyRing.KeyFile is { } keyFile ? $"key file {keyFile}"
        : "none: the ring is kept in the data directory (keys/), guarded by its permissions";

    private string ProtectorKey => KeyRing.CertificatePath is not null ? KeyRingOptions.CertificatePathKey : KeyRingOptions.KeyFileKey;
}
