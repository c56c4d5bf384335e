using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteConditionsValidatorTests
{
    private static IDictionary<string, string[]> Errors(RouteSpec route) => ValidatorRun.Errors(new RouteConditionsValidator(), route);

    private static MatchConditionSpec Condition(string name, string mode = MatchModes.Exact, params string[] values) =>
        new() { Name = name, Mode = mode, Values = values.Length == 0 && !MatchModes.IgnoresValues(mode) ? ["v"] : values };

    [Fact]
    public void Every_mode_of_every_kind_is_valid_with_the_values_it_needs()
    {
        var all = MatchModes.All.Select((mode, i) => Condition("X-" + i, mode)).ToArray();
        Assert.Empty(Errors(new RouteSpec { Headers = all, Query = all, Cookies = all }));
    }

    [Theory]
    [InlineData("headers")]
    [InlineData("cookies")]
    public void Header_and_cookie_names_are_tokens(string kind)
    {
        var bad = new[] { Condition("X Beta") };
        var route = kind == "headers" ? new RouteSpec { Headers = bad } : new RouteSpec { Cookies = bad };
        Assert.Contains("is not a valid name", Assert.Single(Errors(route), e => e.Key == $"{kind}[0].name").Value[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_name_may_hold_what_a_token_may_not_but_not_be_empty()
    {
        Assert.Empty(Errors(new RouteSpec { Query = [Condition("filter[name]")] }));
        Assert.Contains("query[0].name", Errors(new RouteSpec { Query = [Condition("")] }).Keys);
    }

    [Fact]
    public void Header_names_repeat_across_case_cookie_names_do_not()
    {
        Assert.Contains("headers[1].name", Errors(new RouteSpec { Headers = [Condition("X-Beta"), Condition("x-beta")] }).Keys);
        Assert.Empty(Errors(new RouteSpec { Cookies = [Condition("beta"), Condition("Beta")] }));
    }

    [Fact]
    public void Values_are_needed_bounded_and_free_of_control_characters_except_where_ignored()
    {
        var errors = Errors(new RouteSpec
        {
            Headers =
            [
                new MatchConditionSpec { Name = "A", Mode = MatchModes.Exact, Values = [] },
                new MatchConditionSpec { Name = "B", Mode = MatchModes.Prefix, Values = Enumerable.Repeat("v", RouteConditionsValidator.MaxValues + 1).ToArray() },
                new MatchConditionSpec { Name = "C", Mode = MatchModes.Contains, Values = ["a\r\nInjected: 1"] },
                new MatchConditionSpec { Name = "D", Mode = MatchModes.Exists, Values = ["ignored"] },
                new MatchConditionSpec { Name = "E", Mode = "Regex", Values = ["x"] },
            ],
        });

        Assert.Equal(["headers[0].values", "headers[1].values", "headers[2].values", "headers[4].mode"], errors.Keys.Order());
    }

    [Fact]
    public void More_than_the_bound_of_one_kind_is_refused_on_the_list()
    {
        var many = Enumerable.Range(0, RouteConditionsValidator.MaxConditions + 1).Select(i => Condition("c" + i)).ToArray();
        Assert.Contains("cookies", Errors(new RouteSpec { Cookies = many }).Keys);
    }
}
