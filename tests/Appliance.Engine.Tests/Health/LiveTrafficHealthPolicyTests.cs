using Appliance.Engine.Health;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Health;

public sealed class LiveTrafficHealthPolicyTests
{
    private static readonly TimeSpan Reactivation = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingHealthUpdater _updater = new();
    private readonly HealthEventLog _events;
    private readonly ClusterState _cluster = HealthTestCluster.Create("web", Reactivation, 1, 1, "http://a");
    private readonly LiveTrafficHealthPolicy _policy;

    public LiveTrafficHealthPolicyTests()
    {
        _events = new HealthEventLog(_clock, NullLogger<HealthEventLog>.Instance);
        _policy = new LiveTrafficHealthPolicy(_updater, _events, _clock, NullLogger<LiveTrafficHealthPolicy>.Instance);
    }

    private DestinationState Backend => _cluster.Destinations["http://a"];

    [Fact]
    public void A_backend_failing_on_live_traffic_is_taken_out_for_exactly_the_configured_period()
    {
        Proxy(failed: false, times: 6);
        Proxy(failed: true, times: 4);

        Assert.Equal(DestinationHealth.Unhealthy, Backend.Health.Passive);
        var change = _updater.PassiveChanges[^1];
        Assert.Equal(DestinationHealth.Unhealthy, change.Health);
        Assert.Equal(Reactivation, change.ReactivationPeriod);
        Assert.Equal("Unhealthy", _events.Latest(1).Single().To);
    }

    [Fact]
    public void Fewer_than_ten_requests_or_fewer_than_thirty_percent_failed_keep_a_backend_in()
    {
        Proxy(failed: true, times: 9);
        Assert.Equal(DestinationHealth.Healthy, Backend.Health.Passive);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Proxy(failed: false, times: 30);
        Proxy(failed: true, times: 12);
        Assert.Equal(DestinationHealth.Healthy, Backend.Health.Passive);
        Proxy(failed: true, times: 1);
        Assert.Equal(DestinationHealth.Unhealthy, Backend.Health.Passive);
    }

    [Fact]
    public void Failures_older_than_the_minute_window_are_forgotten()
    {
        Proxy(failed: true, times: 9);
        _clock.Advance(TimeSpan.FromSeconds(61));
        Proxy(failed: false, times: 1);
        Proxy(failed: true, times: 1);
        Assert.Equal(DestinationHealth.Healthy, Backend.Health.Passive);
    }

    [Fact]
    public void A_backend_back_from_its_time_out_starts_with_a_clean_record_and_late_answers_do_not_shorten_it()
    {
        Proxy(failed: true, times: 10);
        Assert.Equal(DestinationHealth.Unhealthy, Backend.Health.Passive);

        // Requests it was serving when it was taken out finish, well or badly: it stays out.
        Proxy(failed: false, times: 3);
        Proxy(failed: true, times: 3);
        Assert.Equal(DestinationHealth.Unhealthy, Backend.Health.Passive);

        // YARP reactivates it after the period; its first answers are judged on their own.
        Backend.Health.Passive = DestinationHealth.Unknown;
        Proxy(failed: false, times: 1);
        Assert.Equal(DestinationHealth.Healthy, Backend.Health.Passive);
        Proxy(failed: true, times: 1);
        Assert.Equal(DestinationHealth.Healthy, Backend.Health.Passive);
    }

    [Fact]
    public void A_client_that_gave_up_or_a_backend_that_answered_with_an_error_status_is_not_a_transport_failure()
    {
        for (var i = 0; i < 10; i++)
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            var context = Failed(ForwarderError.RequestCanceled);
            context.RequestAborted = cancelled.Token;
            _policy.RequestProxied(context, _cluster, Backend);
            _policy.RequestProxied(Failed(ForwarderError.ResponseBodyClient), _cluster, Backend);
        }

        Assert.Equal(DestinationHealth.Healthy, Backend.Health.Passive);
    }

    private void Proxy(bool failed, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _policy.RequestProxied(failed ? Failed(ForwarderError.Request) : new DefaultHttpContext(), _cluster, Backend);
        }
    }

    private static DefaultHttpContext Failed(ForwarderError error)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IForwarderErrorFeature>(new ForwarderFailure(error));
        return context;
    }
}
