namespace Appliance.Engine.Routing.Testing;

/// <summary>A pool the request may go to, with its share of the route's traffic; <c>Chosen</c> when a sticky cookie names it.</summary>
public sealed record RouteTestTarget(string Pool, int Weight, double Percent, bool Chosen);
