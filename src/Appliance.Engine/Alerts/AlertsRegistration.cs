using Appliance.Engine.DataPlane;
using Appliance.Engine.Health;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Alerting, on the control plane only: the queue events are raised into, the sources (this node's
/// backend health; the audit trail, certificates and nodes from the lease holder), the worker that
/// groups and delivers, the webhook and e-mail senders, "Send test", and the figures.
/// </summary>
internal static class AlertsRegistration
{
    public static ApplianceEngineBuilder AddAlerts(this ApplianceEngineBuilder engine)
    {
        engine.AddSettings<AlertOptions>(AlertOptions.SectionName);
        var services = engine.Services;
        services.AddSingleton<AlertQueue>();
        services.AddSingleton<AlertGrouper>();
        services.AddSingleton<AlertChannelStatusBoard>();
        services.AddSingleton<AlertWorkerCounters>();
        services.AddSingleton<AlertConfigurationCache>();
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<IAlertSender, WebhookSender>();
        services.AddSingleton<IAlertSender, EmailSender>();
        services.AddSingleton<AlertDelivery>();
        services.AddSingleton<AlertChannelTester>();
        services.AddSingleton<IHealthTransitionListener, BackendAlertSource>();
        services.AddSingleton<Metrics.IMetricsSource, AlertMetrics>();

        services.AddSingleton<AlertLease>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertLease>());
        services.AddHostedService<AuditAlertSource>();
        services.AddHostedService<CertificateAlertSource>();
        services.AddHostedService<NodeAlertSource>();
        services.AddHostedService<AlertWorker>();
        return engine;
    }
}
