namespace Appliance.Engine.Routing.Testing;

/// <summary>One route as the request met it, in the order routes are tried: whether it matched, and if not, the first thing that ruled it out.</summary>
public sealed record RouteTestCandidate(string Route, bool Matched, string Reason);
