namespace Appliance.Data.Entities;

internal sealed class BackendEntity
{
    public int Id { get; set; }
    public int PoolId { get; set; }

    // List order within the pool: FirstAvailable depends on it.
    public int Position { get; set; }
    public string Address { get; set; } = "";
    public int Weight { get; set; }
    public bool Enabled { get; set; }
}
