namespace Appliance.Data.Entities;

internal sealed class CacheRuleEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Route { get; set; }
    public string Match { get; set; } = "/";
    public string Mode { get; set; } = "";
    public int DefaultTtlSeconds { get; set; }
    public long MaxObjectBytes { get; set; }
    public bool IncludeQueryString { get; set; }
    public int HeuristicMaxSeconds { get; set; }
}
