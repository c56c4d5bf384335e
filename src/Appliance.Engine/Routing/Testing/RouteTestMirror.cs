namespace Appliance.Engine.Routing.Testing;

/// <summary>The shadow pool a share of the route's forwarded requests is copied to.</summary>
public sealed record RouteTestMirror(string Pool, decimal Percent);
