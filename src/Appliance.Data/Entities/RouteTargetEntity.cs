namespace Appliance.Data.Entities;

internal sealed class RouteTargetEntity
{
    public int Id { get; set; }
    public int RouteId { get; set; }
    public int Position { get; set; }
    public int PoolId { get; set; }
    public PoolEntity? Pool { get; set; }
    public int Weight { get; set; }
}
