using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.CustomErrorPages;

namespace Appliance.Engine.Routing.Testing;

/// <summary>
/// Which page the appliance would write for the status the tester arrived at, read from the same
/// <see cref="ErrorPageSet"/> the data plane's error page writer asks.
/// </summary>
internal static class RouteTestErrorPages
{
    /// <summary>The page for <paramref name="status"/>; null when the status is not one an operator can give a page.</summary>
    public static RouteTestErrorPage? For(int? status, RoutePlan? plan, ProxySnapshot serving)
    {
        if (status is not { } code || !ErrorPageSpec.Statuses.Contains(code))
        {
            return null;
        }

        var page = (plan ?? serving.Unmatched).Find<ErrorPageSet>()?.For(code);
        if (page is null)
        {
            return new RouteTestErrorPage(code, RouteTestErrorPageSources.Default, null);
        }

        // A route's set holds the very global templates it did not replace (the compiler copies
        // them), so a page that is not the unmatched plan's one for the status is the route's own.
        var global = serving.Unmatched.Find<ErrorPageSet>()?.For(code);
        var source = plan is not null && !ReferenceEquals(page, global) ? RouteTestErrorPageSources.Route : RouteTestErrorPageSources.Global;
        return new RouteTestErrorPage(code, source, page.Name);
    }
}
