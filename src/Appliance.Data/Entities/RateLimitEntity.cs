namespace Appliance.Data.Entities;

internal sealed class RateLimitEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool Global { get; set; }
    public int Permits { get; set; }
    public int PeriodSeconds { get; set; }
    public int Burst { get; set; }
    public int MaxConcurrent { get; set; }
}
