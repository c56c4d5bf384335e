namespace Appliance.Engine.Alerts;

/// <summary>
/// Something an alert rule may send: its kind (<see cref="Data.Model.AlertEvents"/>), the subject it
/// is about (a backend, a pool, a certificate, the configuration, a node; events about one subject
/// are grouped together), one line for people, and details for machines.
/// </summary>
public sealed record AlertEvent(string Kind, string Subject, string Summary, DateTimeOffset At)
{
    private static readonly IReadOnlyDictionary<string, string?> NoDetails = new Dictionary<string, string?>();

    /// <summary>The node the event was seen on (backend and pool events) or is about (node events).</summary>
    public string? Node { get; init; }

    /// <summary>Facts for a receiver to act on: pool, backend, reason, actor… Never a secret.</summary>
    public IReadOnlyDictionary<string, string?> Details { get; init; } = NoDetails;

    /// <summary>For <see cref="Data.Model.AlertEvents.CertificateExpiring"/>: whole days left (0 or less: expired).</summary>
    public int? DaysLeft { get; init; }
}
