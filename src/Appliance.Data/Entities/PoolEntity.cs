namespace Appliance.Data.Entities;

internal sealed class PoolEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string LoadBalancing { get; set; } = "";
    public HealthCheckSettings? HealthCheck { get; set; }
    public List<BackendEntity> Backends { get; set; } = [];
}
