namespace Appliance.Data.Cluster;

/// <summary>The node holding a lease and when the lease lapses unless renewed.</summary>
public sealed record LeaseHolder(string Owner, DateTimeOffset ExpiresAt);
