namespace Appliance.Data.Entities;

// A message every node acts on once (a cache purge, say): appended here, read by each node after
// the last id it has seen, and pruned after a while. PostgreSQL's NOTIFY only wakes the readers.
internal sealed class ClusterMessageEntity
{
    public long Id { get; set; }

    public string Topic { get; set; } = "";

    public string Payload { get; set; } = "";

    // The node that sent it, which has acted on it already.
    public string Origin { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
