namespace Appliance.Data.Model;

/// <summary>A pool of backends that share a load-balancing policy and a health check. This is the API's and the export's shape.</summary>
public sealed record PoolSpec
{
    /// <summary>Slug that names the pool; routes refer to it.</summary>
    public string Name { get; init; } = "";

    /// <summary>One of <see cref="LoadBalancingPolicyNames.All"/>.</summary>
    public string LoadBalancing { get; init; } = LoadBalancingPolicyNames.RoundRobin;

    /// <summary>Active probing; null means no probes (passive detection still applies).</summary>
    public HealthCheckSpec? HealthCheck { get; init; }

    /// <summary>Backends in list order; the order matters to <see cref="LoadBalancingPolicyNames.FirstAvailable"/>.</summary>
    public IReadOnlyList<BackendSpec> Backends { get; init; } = [];

    /// <summary>
    /// Requests this node forwards to the pool at once, counted from the request's start to the end
    /// of its response; null means no cap. Each node enforces its own cap.
    /// </summary>
    public int? MaxConcurrentRequests { get; init; }

    /// <summary>Where requests beyond <see cref="MaxConcurrentRequests"/> wait; null means none wait.</summary>
    public PoolQueueSpec? Queue { get; init; }
}
