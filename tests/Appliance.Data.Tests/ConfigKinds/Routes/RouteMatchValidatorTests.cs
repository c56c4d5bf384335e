using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteMatchValidatorTests
{
    private static IDictionary<string, string[]> Errors(RouteSpec route) => ValidatorRun.Errors(new RouteMatchValidator(), route);

    [Fact]
    public void A_route_that_matches_everything_is_valid_and_its_targets_are_not_this_validators_business() =>
        Assert.Empty(Errors(new RouteSpec { Name = "site", Targets = null! }));

    [Fact]
    public void Missing_host_and_method_lists_are_refused_empty_ones_match_anything()
    {
        var errors = Errors(new RouteSpec { Name = "site", Hosts = null!, Methods = null! });
        Assert.Equal(["hosts", "methods"], errors.Keys.Order());
    }

    [Fact]
    public void A_route_has_at_most_64_hosts() =>
        Assert.Equal(["hosts"], Errors(new RouteSpec { Name = "site", Hosts = Enumerable.Range(0, 65).Select(i => $"h{i}.test").ToArray() }).Keys);

    [Fact]
    public void Hosts_are_listed_once() =>
        Assert.Equal("'a.test' is listed twice.", Assert.Single(Errors(new RouteSpec { Name = "site", Hosts = ["a.test", "a.test"] })["hosts[1]"]));
}
