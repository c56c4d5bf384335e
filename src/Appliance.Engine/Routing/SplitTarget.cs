namespace Appliance.Engine.Routing;

/// <summary>One weighted target of a route. <see cref="CookieValue"/> is opaque so that clients do not learn pool names.</summary>
internal sealed record SplitTarget(string Pool, int Weight, string CookieValue);
