using Appliance.Engine.Metrics;

namespace Appliance.Engine.Health;

/// <summary>Traffic of one route.</summary>
public sealed record RouteTraffic(string Name, WindowStats Traffic);
