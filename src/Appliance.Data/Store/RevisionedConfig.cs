using Appliance.Data.Model;

namespace Appliance.Data.Store;

/// <summary>The whole configuration together with the revision it was read at.</summary>
public sealed record RevisionedConfig(long Revision, ConfigDocument Document);
