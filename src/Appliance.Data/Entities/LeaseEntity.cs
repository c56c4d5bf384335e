namespace Appliance.Data.Entities;

// A piece of work that one node at a time may do (an ACME order for one certificate), held by
// Owner until ExpiresAt; a node that dies mid-work lets its lease lapse instead of blocking others.
internal sealed class LeaseEntity
{
    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    public DateTimeOffset AcquiredAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
