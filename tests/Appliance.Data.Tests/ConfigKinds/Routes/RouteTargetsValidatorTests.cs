using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteTargetsValidatorTests
{
    private static readonly ConfigValidationContext WithWeb = ConfigValidationContext.Knowing<PoolSpec>(new HashSet<string> { "web" });

    private static IDictionary<string, string[]> Errors(ConfigValidationContext context, params TargetSpec[] targets) =>
        ValidatorRun.Errors(new RouteTargetsValidator(), new RouteSpec { Name = "site", Targets = targets }, context);

    [Fact]
    public void A_target_must_name_a_pool_of_the_configuration() =>
        Assert.Equal("There is no pool named 'gone'.", Assert.Single(Errors(WithWeb, new TargetSpec { Pool = "gone", Weight = 1 })["targets[0].pool"]));

    [Fact]
    public void Alone_a_route_is_not_checked_against_pools_it_cannot_see() =>
        Assert.Empty(Errors(ConfigValidationContext.Alone, new TargetSpec { Pool = "gone", Weight = 1 }));

    [Fact]
    public void A_route_has_at_most_16_targets() =>
        Assert.Contains("targets", Errors(ConfigValidationContext.Alone, Enumerable.Range(0, 17).Select(i => new TargetSpec { Pool = $"p{i}", Weight = 1 }).ToArray()).Keys);

    [Fact]
    public void Null_targets_and_empty_pool_names_are_named()
    {
        var errors = Errors(WithWeb, null!, new TargetSpec { Pool = "", Weight = 1 });
        Assert.Equal("A target cannot be null.", Assert.Single(errors["targets[0]"]));
        Assert.Equal("A pool is required.", Assert.Single(errors["targets[1].pool"]));
    }

    [Fact]
    public void A_route_needs_targets_that_name_pools_and_weigh_something()
    {
        var pools = ConfigValidationContext.Knowing<PoolSpec>(new HashSet<string> { "web", "web-next" });
        IDictionary<string, string[]> RouteErrors(IReadOnlyList<TargetSpec> targets) =>
            ValidatorRun.Errors(new RouteTargetsValidator(), ConfigNormalizer.Normalize(new RouteSpec { Name = "site", Targets = targets }), pools);

        Assert.Contains("targets", RouteErrors([]).Keys);
        Assert.Contains("targets", RouteErrors(null!).Keys);
        Assert.Contains("targets[0].pool", RouteErrors([new TargetSpec { Pool = "nope", Weight = 1 }]).Keys);
        Assert.Contains("targets", RouteErrors([new TargetSpec { Pool = "web", Weight = 0 }, new TargetSpec { Pool = "web-next", Weight = 0 }]).Keys);
        Assert.Contains("targets[1].pool", RouteErrors([new TargetSpec { Pool = "web", Weight = 1 }, new TargetSpec { Pool = "web", Weight = 1 }]).Keys);
        Assert.Contains("targets[0].weight", RouteErrors([new TargetSpec { Pool = "web", Weight = 101 }]).Keys);
        Assert.Empty(RouteErrors([new TargetSpec { Pool = "web", Weight = 90 }, new TargetSpec { Pool = "web-next", Weight = 10 }]));
    }
}
