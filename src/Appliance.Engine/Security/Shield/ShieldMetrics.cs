using Appliance.Engine.Metrics;

namespace Appliance.Engine.Security.Shield;

/// <summary>The shield's families: requests turned away by reason and route, rate-limit refusals paced, and basic auth's password checks.</summary>
internal sealed class ShieldMetrics(ShieldLog shield, BasicAuthVerifier basicAuth, RefusalPacer pacer) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Family("appliance_blocked_requests_total", "counter", "Requests the shield turned away, by reason (access-list, basic-auth, basic-auth-throttled, basic-auth-busy, rate-limit, concurrency, body-size) and route.");
        foreach (var (reason, route, count) in shield.Counts())
        {
            text.Sample("appliance_blocked_requests_total", PrometheusText.Label("reason", reason) + "," + PrometheusText.Label("route", route), count);
        }

        text.Single("appliance_refusals_delayed_total", "counter", "Rate-limit 429s that waited before they were sent, their client having kept drawing them (Appliance:Proxy:RefusalPacing).", pacer.Delayed);
        text.Single("appliance_refusals_waiting", "gauge", "Rate-limit 429s waiting now before they are sent.", pacer.Waiting);
        text.Single("appliance_basic_auth_verifications_running", "gauge", "Basic-auth password hashes being verified now (bounded by Appliance:Proxy:BasicAuth:MaxConcurrentVerifications).", basicAuth.RunningVerifications);
        text.Single("appliance_basic_auth_tracked_addresses", "gauge", "Client addresses whose wrong basic-auth guesses are being counted.", basicAuth.TrackedAddresses);
    }
}
