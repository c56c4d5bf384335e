using Appliance.Data.Validation;
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

    private static IDictionary<string, string[]> NormalizedErrors(RouteSpec route) => Errors(ConfigNormalizer.Normalize(route));

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("*.example.com", true)]
    [InlineData("localhost:8080", true)]
    [InlineData("EXAMPLE.com", true)]
    [InlineData("exa mple.com", false)]
    [InlineData("*example.com", false)]
    [InlineData("example.*", false)]
    [InlineData("-bad.example.com", false)]
    [InlineData("", false)]
    public void Hosts_are_names_wildcards_or_host_port(string host, bool valid) =>
        Assert.Equal(valid, !NormalizedErrors(new RouteSpec { Name = "site", Hosts = [host] }).ContainsKey("hosts[0]"));

    [Theory]
    [InlineData("/", true)]
    [InlineData("/api", true)]
    [InlineData("/api/v1/", true)]
    [InlineData("/images/2024", true)]
    [InlineData("api", false)]
    [InlineData("/api//v1", false)]
    [InlineData("/a/../b", false)]
    [InlineData("/a/{id}", false)]
    [InlineData("/a?x=1", false)]
    [InlineData("/a%20b", false)]
    public void Paths_are_clean_prefixes(string path, bool valid) =>
        Assert.Equal(valid, !NormalizedErrors(new RouteSpec { Name = "site", Path = path }).ContainsKey("path"));

    [Fact]
    public void Methods_are_tokens_and_listed_once() =>
        Assert.Equal(["methods[1]", "methods[2]"], NormalizedErrors(new RouteSpec { Name = "site", Methods = ["get", "GET", "BAD METHOD"] }).Keys.Order());

    [Fact]
    public void Methods_the_router_cannot_match_are_refused_with_what_to_do_instead()
    {
        var errors = NormalizedErrors(new RouteSpec { Name = "site", Methods = ["GET", "PROPFIND", "TRACE"] });

        Assert.Equal(["methods[1]"], errors.Keys);
        Assert.Contains("leave methods empty", errors["methods[1]"].Single(), StringComparison.Ordinal);
    }
}
