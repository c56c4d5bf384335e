using Appliance.Engine.Caching;

namespace Appliance.Engine.Cluster;

/// <summary>One node's cache statistics, as of its last heartbeat (this node's: live).</summary>
public sealed record NodeCache(string Name, bool Self, CacheStatistics Cache);
