namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// What this node's ACME client did since it started, for <c>/metrics</c>: with several nodes the
/// orders summed over the nodes should match the certificates issued, and a node that keeps
/// finding leases held elsewhere or keeps looking up answers shows it here.
/// </summary>
public sealed class AcmeCounters
{
    private long _orders;
    private long _leasesHeldElsewhere;
    private long _sharedAnswersServed;

    /// <summary>Orders this node placed with the ACME server.</summary>
    public long OrdersPlaced => Interlocked.Read(ref _orders);

    /// <summary>Times this node left a due certificate alone because another node held its lease.</summary>
    public long LeasesHeldElsewhere => Interlocked.Read(ref _leasesHeldElsewhere);

    /// <summary>Challenge answers this node served from another node's order (its copy of the published answers).</summary>
    public long SharedAnswersServed => Interlocked.Read(ref _sharedAnswersServed);

    internal void OrderPlaced() => Interlocked.Increment(ref _orders);

    internal void LeaseHeldElsewhere() => Interlocked.Increment(ref _leasesHeldElsewhere);

    internal void SharedAnswerServed() => Interlocked.Increment(ref _sharedAnswersServed);
}
