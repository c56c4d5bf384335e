using Appliance.Engine.Metrics;

namespace Appliance.Engine.Health;

/// <summary>One pool with its backends' health and its traffic.</summary>
public sealed record PoolHealth(string Name, string LoadBalancing, bool HealthChecked, int InFlight, WindowStats Traffic, IReadOnlyList<BackendHealth> Backends);
