using Appliance.Engine.Metrics;

namespace Appliance.Engine.Health;

/// <summary>One backend as the health API and the dashboard show it.</summary>
public sealed record BackendHealth(
    string Address,
    int Weight,
    bool Enabled,
    string Health,
    string ActiveHealth,
    string PassiveHealth,
    bool InRotation,
    DateTimeOffset? Since,
    int InFlight,
    WindowStats Traffic);
