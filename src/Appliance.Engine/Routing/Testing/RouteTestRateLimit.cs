namespace Appliance.Engine.Routing.Testing;

/// <summary>A rate limit the request would take a token from, per client address (global ones first).</summary>
public sealed record RouteTestRateLimit(string Name, double RequestsPerSecond, int Burst, int MaxConcurrent);
