using System.Globalization;
using Appliance.Engine.Metrics;

namespace Appliance.Engine.Routing.Rules;

/// <summary>Redirect routes' family: the redirects they answered, per route and status.</summary>
internal sealed class RedirectMetrics(RedirectCounter counter) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Family("appliance_redirects_total", "counter", "Requests a redirect route answered itself, by route and status (301, 302, 307, 308).");
        foreach (var (route, status, count) in counter.Counts())
        {
            var labels = PrometheusText.Join(PrometheusText.Label("route", route), PrometheusText.Label("status", status.ToString(CultureInfo.InvariantCulture)));
            text.Sample("appliance_redirects_total", labels, count);
        }
    }
}
