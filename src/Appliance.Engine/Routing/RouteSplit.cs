using Appliance.Engine.Randomness;

namespace Appliance.Engine.Routing;

/// <summary>How a route shares its traffic among pools, and whether clients keep the target they drew: the traffic split's part of the route plan.</summary>
internal sealed class RouteSplit
{
    public RouteSplit(string routeName, bool sticky, string cookieName, IReadOnlyList<SplitTarget> targets)
    {
        RouteName = routeName;
        Sticky = sticky;
        CookieName = cookieName;
        Targets = targets;
        TotalWeight = targets.Sum(t => t.Weight);
        IsSingleTarget = targets.Count(t => t.Weight > 0) == 1;
    }

    public string RouteName { get; }
    public bool Sticky { get; }
    public string CookieName { get; }
    public IReadOnlyList<SplitTarget> Targets { get; }
    public int TotalWeight { get; }

    /// <summary>True when only one target can ever be drawn, so the request needs no draw at all.</summary>
    public bool IsSingleTarget { get; }

    /// <summary>
    /// The target a request goes to: the one its sticky cookie names while that target still takes
    /// traffic, otherwise a fresh draw by weight. <paramref name="drawn"/> says a new draw was made,
    /// so that a sticky route sets its cookie.
    /// </summary>
    public SplitTarget Choose(string? cookieValue, IRandomSource random, out bool drawn)
    {
        if (Sticky && cookieValue is not null)
        {
            foreach (var target in Targets)
            {
                if (target.Weight > 0 && string.Equals(target.CookieValue, cookieValue, StringComparison.Ordinal))
                {
                    drawn = false;
                    return target;
                }
            }
        }

        drawn = true;
        var ticket = random.Next(TotalWeight);
        foreach (var target in Targets)
        {
            if (ticket < target.Weight)
            {
                return target;
            }

            ticket -= target.Weight;
        }

        // Unreachable while TotalWeight is the sum of the weights; validation keeps it above 0.
        return Targets[^1];
    }
}
