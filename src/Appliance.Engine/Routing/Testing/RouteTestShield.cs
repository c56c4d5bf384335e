using System.Net;
using Appliance.Engine.Security.Shield;

namespace Appliance.Engine.Routing.Testing;

/// <summary>What the shield's compiled lists and limits would decide for one client address, read without counting anything.</summary>
internal static class RouteTestShield
{
    public static RouteTestAccessList[] AccessLists(RouteShield shield, IPAddress? client) =>
        shield.AccessLists.Select(list =>
        {
            if (client is null)
            {
                return new RouteTestAccessList(list.Name, null, "no client address given", list.Users.Count > 0);
            }

            var (allowed, rule) = list.Decide(client);
            var deciding = rule < 0 ? "the list's default" : $"rule {rule + 1}";
            var refusal = allowed ? "" : list.Drop ? " (the connection is closed without an answer)" : "";
            return new RouteTestAccessList(list.Name, allowed, deciding + refusal, allowed && list.Users.Count > 0);
        }).ToArray();

    public static RouteTestRateLimit[] RateLimits(RouteShield shield) =>
        shield.RateLimits.Select(l => new RouteTestRateLimit(l.Name, Math.Round(l.TokensPerSecond, 3), l.Burst, l.MaxConcurrent)).ToArray();
}
