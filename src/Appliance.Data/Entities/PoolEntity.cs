namespace Appliance.Data.Entities;

internal sealed class PoolEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string LoadBalancing { get; set; } = "";
    public HealthCheckSettings? HealthCheck { get; set; }
    public List<BackendEntity> Backends { get; set; } = [];
    public int? MaxConcurrentRequests { get; set; }

    // Both null, or both set: the queue is one value of the spec.
    public int? QueueLength { get; set; }
    public int? QueueTimeoutSeconds { get; set; }
}
