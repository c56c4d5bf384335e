using System.Net;
using Appliance.Engine.Health;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Health;

public sealed class ConsecutiveResultsHealthPolicyTests
{
    [Fact]
    public void Passing_probes_record_no_came_back_while_live_traffic_failures_hold_the_backend_out()
    {
        var events = new HealthEventLog(new FakeTimeProvider(), NullLogger<HealthEventLog>.Instance);
        var policy = new ConsecutiveResultsHealthPolicy(new RecordingHealthUpdater(), events, NullLogger<ConsecutiveResultsHealthPolicy>.Instance);
        var cluster = HealthTestCluster.Create("web", TimeSpan.FromSeconds(30), unhealthyAfter: 1, healthyAfter: 1, "http://a");
        var backend = cluster.Destinations["http://a"];
        backend.Health.Passive = DestinationHealth.Unhealthy;

        policy.ProbingCompleted(cluster, [new DestinationProbingResult(backend, null, new HttpRequestException("refused"))]);
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);
        policy.ProbingCompleted(cluster, [new DestinationProbingResult(backend, ok, null)]);

        Assert.Equal(DestinationHealth.Healthy, backend.Health.Active);
        Assert.DoesNotContain(events.Latest(10), e => e.From == "Unhealthy");

        // Once the passive time out is over, the next passing probe finds it back in rotation.
        backend.Health.Passive = DestinationHealth.Unknown;
        using var stillOk = new HttpResponseMessage(HttpStatusCode.OK);
        policy.ProbingCompleted(cluster, [new DestinationProbingResult(backend, stillOk, null)]);
        var cameBack = Assert.Single(events.Latest(10), e => e.From == "Unhealthy");
        Assert.Equal("Healthy", cameBack.To);
    }
}
