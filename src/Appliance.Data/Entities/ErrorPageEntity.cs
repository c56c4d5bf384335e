namespace Appliance.Data.Entities;

internal sealed class ErrorPageEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int Status { get; set; }
    public string? Route { get; set; }
    public string Html { get; set; } = "";
}
