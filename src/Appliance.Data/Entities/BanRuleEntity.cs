namespace Appliance.Data.Entities;

// An automatic ban rule: statuses and paths are read and written whole, so each is one JSON column.
internal sealed class BanRuleEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; }
    public string StatusesJson { get; set; } = "[]";
    public string PathsJson { get; set; } = "[]";
    public int Threshold { get; set; }
    public int WindowSeconds { get; set; }
    public int BanSeconds { get; set; }
}
