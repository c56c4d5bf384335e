using Appliance.Data.ConfigKinds.RateLimits;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.RateLimits;

public sealed class RateLimitValidatorTests
{
    private static IDictionary<string, string[]> Errors(RateLimitSpec limit) => ValidatorRun.Errors(new RateLimitValidator(), limit);

    [Fact]
    public void The_defaults_with_a_name_are_valid() => Assert.Empty(Errors(new RateLimitSpec { Name = "login" }));

    [Fact]
    public void Every_bound_names_its_field()
    {
        var errors = Errors(new RateLimitSpec { Name = "login", Permits = 0, PeriodSeconds = 86_401, Burst = 0, MaxConcurrent = -1 });
        Assert.Equal(["burst", "maxConcurrent", "periodSeconds", "permits"], errors.Keys.Order());
    }
}
