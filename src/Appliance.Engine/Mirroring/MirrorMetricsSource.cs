using Appliance.Engine.Metrics;

namespace Appliance.Engine.Mirroring;

/// <summary>Mirroring's families at <c>/metrics</c>: what became of the copies per route, and the shadow's answers beside the route's own.</summary>
internal sealed class MirrorMetricsSource(MirrorMetrics metrics, MirrorOptions options) : IMetricsSource
{
    private static readonly (MirrorSkipReason Reason, string Label)[] SkipLabels =
        [(MirrorSkipReason.BodyTooLarge, "body-too-large"), (MirrorSkipReason.BodyIncomplete, "body-incomplete"), (MirrorSkipReason.Upgrade, "upgrade")];

    private static readonly (MirrorFailure Failure, string Label)[] ErrorLabels =
        [(MirrorFailure.NoBackend, "no-backend"), (MirrorFailure.Transport, "transport")];

    public void Write(PrometheusText text)
    {
        var routes = metrics.Routes().ToArray();
        text.Single("appliance_mirror_in_flight", "gauge", $"Copies being buffered or sent now (at most Appliance:Proxy:Mirror:MaxInFlight, {options.MaxInFlight}).", metrics.InFlight);

        Counter(text, routes, "appliance_mirror_copies_sent_total", "Copies of requests sent to the route's shadow pool.", c => c.Sent);
        Counter(text, routes, "appliance_mirror_copies_dropped_total", "Requests drawn for mirroring that got no copy because Appliance:Proxy:Mirror:MaxInFlight copies were in flight.", c => c.Dropped);

        text.Family("appliance_mirror_copies_skipped_total", "counter", "Requests drawn for mirroring that got no copy, by reason: body-too-large (over Appliance:Proxy:Mirror:MaxBodyBytes), body-incomplete, upgrade.");
        foreach (var (route, counters) in routes)
        {
            foreach (var (reason, label) in SkipLabels)
            {
                text.Sample("appliance_mirror_copies_skipped_total", Labels(route, "reason", label), counters.Skipped(reason));
            }
        }

        text.Family("appliance_mirror_errors_total", "counter", "Copies the shadow did not answer, by reason: no-backend (none in rotation), transport (refused, reset, protocol).");
        foreach (var (route, counters) in routes)
        {
            foreach (var (failure, label) in ErrorLabels)
            {
                text.Sample("appliance_mirror_errors_total", Labels(route, "reason", label), counters.Failed(failure));
            }
        }

        Counter(text, routes, "appliance_mirror_timeouts_total", "Copies with no whole answer within Appliance:Proxy:Mirror:TimeoutSeconds.", c => c.Failed(MirrorFailure.Timeout));

        text.Family("appliance_mirror_responses_total", "counter", "The shadow's answers to copies, by status class (compare appliance_route_requests_total).");
        foreach (var (route, counters) in routes)
        {
            PrometheusMetricsWriter.Requests(text, "appliance_mirror_responses_total", PrometheusText.Label("route", route), counters.AnswersSinceStart());
        }

        text.Family("appliance_mirror_response_duration_seconds", "histogram", "Time from sending a copy to the end of the shadow's answer (compare appliance_route_request_duration_seconds).");
        foreach (var (route, counters) in routes)
        {
            PrometheusMetricsWriter.Histogram(text, "appliance_mirror_response_duration_seconds", PrometheusText.Label("route", route), counters.AnswersSinceStart());
        }
    }

    private static void Counter(PrometheusText text, (string Route, MirrorRouteCounters Counters)[] routes, string name, string help, Func<MirrorRouteCounters, long> value)
    {
        text.Family(name, "counter", help);
        foreach (var (route, counters) in routes)
        {
            text.Sample(name, PrometheusText.Label("route", route), value(counters));
        }
    }

    private static string Labels(string route, string name, string value) => PrometheusText.Label("route", route) + "," + PrometheusText.Label(name, value);
}
