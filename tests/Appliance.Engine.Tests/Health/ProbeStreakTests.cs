using Appliance.Engine.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Health;

public sealed class ProbeStreakTests
{
    [Fact]
    public void A_backend_goes_down_only_after_the_configured_consecutive_failures()
    {
        var streak = new ProbeStreak();
        var health = DestinationHealth.Healthy;
        health = streak.Next(false, health, unhealthyAfter: 3, healthyAfter: 2);
        Assert.Equal(DestinationHealth.Healthy, health);
        health = streak.Next(false, health, 3, 2);
        Assert.Equal(DestinationHealth.Healthy, health);
        health = streak.Next(true, health, 3, 2);
        health = streak.Next(false, health, 3, 2);
        health = streak.Next(false, health, 3, 2);
        Assert.Equal(DestinationHealth.Healthy, health);
        health = streak.Next(false, health, 3, 2);
        Assert.Equal(DestinationHealth.Unhealthy, health);
    }

    [Fact]
    public void A_down_backend_comes_back_only_after_the_configured_consecutive_successes()
    {
        var streak = new ProbeStreak();
        var health = streak.Next(false, DestinationHealth.Unknown, unhealthyAfter: 1, healthyAfter: 3);
        Assert.Equal(DestinationHealth.Unhealthy, health);
        health = streak.Next(true, health, 1, 3);
        health = streak.Next(true, health, 1, 3);
        Assert.Equal(DestinationHealth.Unhealthy, health);
        health = streak.Next(false, health, 1, 3);
        health = streak.Next(true, health, 1, 3);
        health = streak.Next(true, health, 1, 3);
        Assert.Equal(DestinationHealth.Unhealthy, health);
        health = streak.Next(true, health, 1, 3);
        Assert.Equal(DestinationHealth.Healthy, health);
    }

    [Fact]
    public void A_new_backend_is_healthy_on_its_first_success()
    {
        Assert.Equal(DestinationHealth.Healthy, new ProbeStreak().Next(true, DestinationHealth.Unknown, 2, 5));
    }
}
