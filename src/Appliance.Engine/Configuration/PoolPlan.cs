using Appliance.Data.Model;

namespace Appliance.Engine.Configuration;

/// <summary>A pool as the engine runs it: what the health API and the dashboard list.</summary>
internal sealed record PoolPlan(string Name, string LoadBalancing, HealthCheckSpec? HealthCheck, IReadOnlyList<BackendSpec> Backends);
