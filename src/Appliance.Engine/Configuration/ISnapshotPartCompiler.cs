using Appliance.Data.Model;

namespace Appliance.Engine.Configuration;

/// <summary>
/// A feature's part of a whole snapshot rather than of each route (the streams and their listeners,
/// for one). Registered in the data plane like an <see cref="IRoutePlanCompiler"/>; the snapshot
/// builder runs every one once per snapshot. Pure: the same document always gives the same part.
/// </summary>
internal interface ISnapshotPartCompiler
{
    /// <summary>Compiles this feature's part of <paramref name="document"/> and sets it on <paramref name="parts"/>.</summary>
    void Compile(ConfigDocument document, SnapshotParts parts);
}
