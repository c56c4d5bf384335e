namespace Appliance.Data.Entities;

// A single row whose number rises with every saved change; engines on any node compare it
// with the revision of their live snapshot.
internal sealed class ConfigRevision
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Revision { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
