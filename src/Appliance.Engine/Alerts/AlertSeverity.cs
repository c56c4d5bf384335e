using Appliance.Data.Model;

namespace Appliance.Engine.Alerts;

/// <summary>How urgent an event is, for receivers that route by it: <c>critical</c>, <c>warning</c> or <c>info</c>.</summary>
internal static class AlertSeverity
{
    public static string Of(string kind) => kind switch
    {
        AlertEvents.BackendDown or AlertEvents.PoolDown or AlertEvents.CertificateFailed or AlertEvents.NodeDown => "critical",
        AlertEvents.CertificateExpiring => "warning",
        _ => "info",
    };
}
