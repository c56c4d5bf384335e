using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteMirrorValidatorTests
{
    private static readonly ConfigValidationContext Context = DocumentValidator.ContextFor(new ConfigDocument
    {
        Pools = [new PoolSpec { Name = "web" }, new PoolSpec { Name = "shadow" }],
        Routes = [],
    });

    private static readonly TargetSpec[] Web = [new TargetSpec { Pool = "web", Weight = 1 }];

    private static IDictionary<string, string[]> Errors(RouteSpec route) => ValidatorRun.Errors(new RouteMirrorValidator(), route, Context);

    [Theory]
    [InlineData(100)]
    [InlineData(0.01)]
    [InlineData(12.5)]
    [InlineData(99.99)]
    public void A_pool_of_its_own_and_a_share_in_steps_of_a_hundredth_are_valid(double percent)
    {
        Assert.Empty(Errors(new RouteSpec { Targets = Web, Mirror = new MirrorSpec { Pool = "shadow", Percent = (decimal)percent } }));
        Assert.Empty(Errors(new RouteSpec { Targets = Web }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.01)]
    [InlineData(0.001)]
    [InlineData(10.005)]
    public void A_share_outside_the_range_or_finer_than_a_hundredth_is_refused(double percent) =>
        Assert.Equal(["mirror.percent"], Errors(new RouteSpec { Targets = Web, Mirror = new MirrorSpec { Pool = "shadow", Percent = (decimal)percent } }).Keys);

    [Theory]
    [InlineData("", "A shadow pool is required.")]
    [InlineData("gone", "There is no pool named 'gone'.")]
    [InlineData("web", "Pool 'web' is a target of this route; a mirror needs a pool of its own.")]
    public void The_pool_must_exist_and_not_be_a_target(string pool, string message) =>
        Assert.Equal(message, Assert.Single(Errors(new RouteSpec { Targets = Web, Mirror = new MirrorSpec { Pool = pool, Percent = 10 } })["mirror.pool"]));

    [Fact]
    public void A_redirect_route_cannot_mirror()
    {
        var route = new RouteSpec { Redirect = new RedirectSpec { Location = "/x" }, Mirror = new MirrorSpec { Pool = "shadow", Percent = 10 } };
        Assert.Equal(["mirror"], Errors(route).Keys);
    }
}
