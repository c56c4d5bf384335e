using System.Runtime.CompilerServices;
using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Health;

/// <summary>
/// Passive health: a backend whose requests fail in transport (refused, reset, timed out) takes no
/// traffic for exactly <c>Appliance:Proxy:PassiveReactivationSeconds</c>. It detects as YARP's
/// TransportFailureRate does (at least 10 requests in the last minute, 30 % of them failed), but
/// YARP's keeps a backend out for at least its one-minute detection window whatever the period
/// says, because failures still in that window would take it out again at once; this policy forgets
/// a backend's failures when it takes it out instead, so the configured period is the real one.
/// </summary>
internal sealed partial class LiveTrafficHealthPolicy(
    IDestinationHealthUpdater healthUpdater,
    HealthEventLog events,
    TimeProvider time,
    ILogger<LiveTrafficHealthPolicy> logger) : IPassiveHealthCheckPolicy
{
    private const int WindowSeconds = 60;
    private const int MinimumRequests = 10;
    private const double FailureRateLimit = 0.3;
    private static readonly TimeSpan DefaultReactivation = new SnapshotBuilderOptions().PassiveReactivationPeriod;

    private readonly ConditionalWeakTable<DestinationState, FailureWindow> _windows = new();

    public string Name => HealthCheckNames.PassivePolicy;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        var failed = IsTransportFailure(context);
        var second = time.GetTimestamp() / time.TimestampFrequency;
        var window = _windows.GetValue(destination, static _ => new FailureWindow());
        var reactivation = cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? DefaultReactivation;
        bool down;
        string? reason = null;

        // Deciding and applying under one lock: a request judged after another took the backend
        // out must not put it back before the updater has seen it go.
        lock (window)
        {
            // Out already: the requests it was serving when it went out do not shorten its time out.
            if (destination.Health.Passive == DestinationHealth.Unhealthy)
            {
                return;
            }

            window.Add(second, failed, WindowSeconds);
            down = window.Requests >= MinimumRequests && window.Failures >= FailureRateLimit * window.Requests;
            if (down)
            {
                LogBackendOut(cluster.ClusterId, destination.Model.Config.Address, window.Failures, window.Requests, (int)reactivation.TotalSeconds);
                reason = $"{window.Failures} of its last {window.Requests} requests failed";
                window.Clear();
            }

            healthUpdater.SetPassive(cluster, destination, down ? DestinationHealth.Unhealthy : DestinationHealth.Healthy, reactivation);
        }

        if (down)
        {
            events.Observe(cluster.ClusterId, destination, reason);
        }
    }

    // The backend's fault, not the client's: it could not be reached, or broke off while answering.
    private static bool IsTransportFailure(HttpContext context) =>
        context.Features.Get<IForwarderErrorFeature>() is { } error
        && !context.RequestAborted.IsCancellationRequested
        && error.Error is ForwarderError.Request or ForwarderError.RequestTimedOut
            or ForwarderError.RequestBodyDestination or ForwarderError.ResponseBodyDestination
            or ForwarderError.UpgradeRequestDestination or ForwarderError.UpgradeResponseDestination;

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Backend {Backend} of pool {Pool} failed {Failures} of its last {Requests} requests; it leaves rotation for {Seconds} s.")]
    private partial void LogBackendOut(string pool, string backend, int failures, int requests, int seconds);
}
