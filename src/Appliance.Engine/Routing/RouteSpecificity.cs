using Appliance.Data.Model;

namespace Appliance.Engine.Routing;

/// <summary>
/// Orders routes most specific first, as operators expect from nginx: an exact host beats a
/// wildcard, which beats any host; then a longer path prefix wins; then the route with more
/// header, query and cookie conditions; then a route that names its methods; then the lower <see cref="RouteSpec.Order"/>; then the name, so the order is total.
/// </summary>
internal sealed class RouteSpecificity : IComparer<RouteSpec>
{
    public static RouteSpecificity Instance { get; } = new();

    public int Compare(RouteSpec? x, RouteSpec? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var byHost = HostRank(x).CompareTo(HostRank(y));
        if (byHost != 0)
        {
            return byHost;
        }

        var bySegments = SegmentCount(y.Path).CompareTo(SegmentCount(x.Path));
        if (bySegments != 0)
        {
            return bySegments;
        }

        var byLength = y.Path.Length.CompareTo(x.Path.Length);
        if (byLength != 0)
        {
            return byLength;
        }

        // At the same host and path, a route with more header, query and cookie conditions is the
        // narrower one: it must be tried before the plain route that would take everything.
        var byConditions = Conditions(y).CompareTo(Conditions(x));
        if (byConditions != 0)
        {
            return byConditions;
        }

        var byMethods = (x.Methods.Count == 0).CompareTo(y.Methods.Count == 0);
        if (byMethods != 0)
        {
            return byMethods;
        }

        var byOrder = x.Order.CompareTo(y.Order);
        return byOrder != 0 ? byOrder : string.CompareOrdinal(x.Name, y.Name);
    }

    // 0: names an exact host; 1: only wildcards; 2: any host.
    private static int HostRank(RouteSpec route)
    {
        if (route.Hosts.Count == 0)
        {
            return 2;
        }

        return route.Hosts.Any(h => !h.StartsWith("*.", StringComparison.Ordinal)) ? 0 : 1;
    }

    private static int Conditions(RouteSpec route) => route.Headers.Count + route.Query.Count + route.Cookies.Count;

    private static int SegmentCount(string path) => path.Count(c => c == '/') - (path == "/" ? 1 : 0);
}
