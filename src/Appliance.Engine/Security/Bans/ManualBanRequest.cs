namespace Appliance.Engine.Security.Bans;

/// <summary>An operator's ban: an address (an IPv6 one bans its /64, or give the /64), for how long, and why.</summary>
public sealed record ManualBanRequest
{
    /// <summary>An IPv4 or IPv6 address, or an IPv6 /64 (<c>2001:db8:1:2::/64</c>).</summary>
    public string Address { get; init; } = "";

    /// <summary>How long the ban lasts, 1 second to 30 days.</summary>
    public int Seconds { get; init; } = 3600;

    /// <summary>Why, for the list and the audit trail; optional, up to 200 characters.</summary>
    public string? Reason { get; init; }
}
