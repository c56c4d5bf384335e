using System.Globalization;
using Yarp.ReverseProxy.Configuration;

namespace Appliance.Engine.Configuration;

/// <summary>
/// The revision a YARP route was built from, carried in its <see cref="RouteConfig.Metadata"/>. YARP
/// swaps its matcher before it reports a revision applied and keeps a route whose config is unchanged,
/// so only the matched config itself can say which revision's plan goes with it. Because the revision
/// differs, every revision gives every route a config YARP sees as changed; route models are rebuilt,
/// while health state, which YARP keeps per cluster, is not touched.
/// </summary>
internal static class RouteRevision
{
    public const string MetadataKey = "Appliance.Revision";

    /// <summary>How a revision is spelled in route metadata and in <see cref="ProxySnapshot.RevisionId"/>.</summary>
    public static string Format(long revision) => revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>The metadata that ties a route to <paramref name="revision"/>, shared by a snapshot's routes.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(long revision) =>
        new Dictionary<string, string>(1, StringComparer.Ordinal) { [MetadataKey] = Format(revision) };

    /// <summary>The revision <paramref name="route"/> was built from, or null for a route no snapshot built.</summary>
    public static string? Of(RouteConfig route) =>
        route.Metadata is { } metadata && metadata.TryGetValue(MetadataKey, out var revision) ? revision : null;
}
