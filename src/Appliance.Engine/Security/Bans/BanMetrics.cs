using Appliance.Engine.Metrics;

namespace Appliance.Engine.Security.Bans;

/// <summary>The bans' families: bans made by rule, bans in force, connections turned away at accept by reason and held, requests refused, clients being counted.</summary>
internal sealed class BanMetrics(BanStatistics statistics, BanTable table, BanCounter counter, ConnectionTarpit tarpit) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Family("appliance_bans_total", "counter", "Bans this node made, by rule (manual: an operator's).");
        foreach (var (rule, count) in statistics.BansByRule())
        {
            text.Sample("appliance_bans_total", PrometheusText.Label("rule", rule), count);
        }

        text.Single("appliance_bans_active", "gauge", "Bans in force on this node (its own and, with Redis, every node's).", table.ActiveCount());
        text.Family("appliance_connections_dropped_total", "counter", "Data-plane connections turned away at accept, before TLS and HTTP, unanswered, by reason (ban, access-list).");
        foreach (var (reason, count) in statistics.DroppedConnections())
        {
            text.Sample("appliance_connections_dropped_total", PrometheusText.Label("reason", reason), count);
        }

        text.Single("appliance_connections_held", "gauge", "Of those, connections held open without an answer now (bounded by Appliance:Proxy:Bans:HeldConnections).", tarpit.Held);
        text.Single("appliance_connections_held_total", "counter", "Connections turned away at accept that were held rather than closed at once.", tarpit.HeldTotal);
        text.Single("appliance_banned_requests_total", "counter", "Requests refused because their client was banned after its connection was accepted (keep-alive, or behind a trusted proxy).", statistics.RefusedRequests);
        text.Single("appliance_ban_tracked_clients", "gauge", "(Rule, client) pairs whose matching answers are being counted (bounded by Appliance:Proxy:Bans:MaxTrackedAddresses).", counter.Tracked);
    }
}
