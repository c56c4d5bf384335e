using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Alerts;

/// <summary>An appliance whose alert checks and retries run every second, so tests wait seconds, not minutes.</summary>
public sealed class AlertsHost : ApplianceHost
{
    public LogCapture Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Alerts:AuditPollSeconds"] = "1",
        ["Appliance:Alerts:CheckSeconds"] = "1",
        ["Appliance:Alerts:RetrySeconds"] = "1",
        ["Appliance:Alerts:MaxAttempts"] = "2",
        ["Appliance:Alerts:TimeoutSeconds"] = "5",
        ["Appliance:Uptime:FlushSeconds"] = "1",
        ["Logging:LogLevel:Default"] = "Information",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        // Every line from here on, to check that no secret is ever logged.
        App.Services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
    }
}
