using Appliance.Data.ConfigKinds.CacheRules;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.CacheRules;

public sealed class CacheRuleValidatorTests
{
    private static readonly ConfigValidationContext WithShop = ConfigValidationContext.Knowing<RouteSpec>(new HashSet<string> { "shop" });

    private static IDictionary<string, string[]> Errors(CacheRuleSpec rule) => ValidatorRun.Errors(new CacheRuleValidator(), rule, WithShop);

    [Fact]
    public void A_rule_for_every_route_or_for_an_existing_one_is_valid()
    {
        Assert.Empty(Errors(new CacheRuleSpec { Name = "static", Match = "/static" }));
        Assert.Empty(Errors(new CacheRuleSpec { Name = "static", Route = "shop", Match = "*.css" }));
    }

    [Fact]
    public void A_rule_for_a_route_that_does_not_exist_says_how_to_cover_every_route() =>
        Assert.Equal("There is no route named 'gone'; leave it empty for every route.", Assert.Single(Errors(new CacheRuleSpec { Name = "r", Route = "gone" })["route"]));

    [Fact]
    public void Mode_and_bounds_name_their_fields()
    {
        var errors = Errors(new CacheRuleSpec { Name = "r", Mode = "Forever", DefaultTtlSeconds = 0, MaxObjectBytes = 64L * 1024 * 1024 + 1 });
        Assert.Equal(["defaultTtlSeconds", "maxObjectBytes", "mode"], errors.Keys.Order());
    }
}
