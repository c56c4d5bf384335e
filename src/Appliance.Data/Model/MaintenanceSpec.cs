namespace Appliance.Data.Model;

/// <summary>
/// A route in maintenance answers 503 with a maintenance page to every client but the allowed
/// addresses, which reach the backends as usual.
/// </summary>
public sealed record MaintenanceSpec
{
    /// <summary>On: the route is in maintenance. Off keeps the other settings for next time.</summary>
    public bool Enabled { get; init; }

    /// <summary>The <c>Retry-After</c> the maintenance answer carries, in seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 600;

    /// <summary>CIDR ranges or single addresses that still reach the backends (the settled client address is compared).</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];
}
