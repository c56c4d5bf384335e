using Appliance.Data.ConfigKinds.Pools;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Pools;

public sealed class HealthCheckValidatorTests
{
    private static IDictionary<string, string[]> Errors(HealthCheckSpec? health) =>
        ValidatorRun.Errors(new HealthCheckValidator(), new PoolSpec { Name = "", LoadBalancing = "", HealthCheck = health });

    [Fact]
    public void A_pool_without_a_health_check_has_nothing_to_check() => Assert.Empty(Errors(null));

    [Fact]
    public void Only_health_check_fields_are_named_and_they_carry_the_health_check_prefix()
    {
        var errors = Errors(new HealthCheckSpec { Path = "up", IntervalSeconds = 3601, TimeoutSeconds = 0, UnhealthyAfter = 101, HealthyAfter = 0 });
        Assert.Equal(
            ["healthCheck.healthyAfter", "healthCheck.intervalSeconds", "healthCheck.path", "healthCheck.timeoutSeconds", "healthCheck.unhealthyAfter"],
            errors.Keys.Order());
    }

    [Theory]
    [InlineData("/health check")]
    [InlineData("/health#top")]
    [InlineData("")]
    public void The_probe_path_is_an_absolute_path_without_spaces_or_fragments(string path) =>
        Assert.Equal(["healthCheck.path"], Errors(new HealthCheckSpec { Path = path }).Keys);

    [Fact]
    public void Health_check_fields_have_sensible_ranges()
    {
        var errors = Errors(new HealthCheckSpec { Path = "health", IntervalSeconds = 0, TimeoutSeconds = 10, UnhealthyAfter = 0, HealthyAfter = 101 });
        Assert.Equal(
            ["healthCheck.healthyAfter", "healthCheck.intervalSeconds", "healthCheck.path", "healthCheck.timeoutSeconds", "healthCheck.unhealthyAfter"],
            errors.Keys.Order());
    }

    [Fact]
    public void The_timeout_cannot_exceed_the_interval() =>
        Assert.Equal(["healthCheck.timeoutSeconds"], Errors(new HealthCheckSpec { IntervalSeconds = 2, TimeoutSeconds = 3 }).Keys);
}
