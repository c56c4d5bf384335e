using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteRedirectValidatorTests
{
    private static readonly TargetSpec[] OneTarget = [new() { Pool = "web", Weight = 1 }];

    private static IDictionary<string, string[]> Errors(RouteSpec route) => ValidatorRun.Errors(new RouteRedirectValidator(), route);

    private static RouteSpec Redirecting(string location, int status = 301, string[]? hosts = null) =>
        new() { Hosts = hosts ?? ["old.example.com"], Redirect = new RedirectSpec { Location = location, Status = status } };

    [Theory]
    [InlineData("https://new.example.com{path}")]
    [InlineData("http://new.example.com/x?y=1")]
    [InlineData("{scheme}://{host}/moved{path}?was={query}")]
    [InlineData("/new{path}")]
    [InlineData("/{path}")]
    [InlineData("/")]
    public void Absolute_http_URLs_and_local_paths_with_the_placeholders_are_valid(string location) =>
        Assert.Empty(Errors(Redirecting(location)));

    [Theory]
    [InlineData("ftp://new.example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example{path}")]
    [InlineData("/\\evil.example")]
    [InlineData("new.example.com/x")]
    [InlineData("https://new.example.com/{nope}")]
    [InlineData("https://new example.com/")]
    [InlineData("")]
    public void Other_locations_are_refused_on_the_location_field(string location) =>
        Assert.Equal(["redirect.location"], Errors(Redirecting(location)).Keys);

    [Fact]
    public void The_host_placeholder_needs_the_route_to_name_its_hosts()
    {
        Assert.Contains("{host} needs the route to name its hosts", Errors(Redirecting("https://{host}/x", hosts: []))["redirect.location"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(303)]
    [InlineData(399)]
    public void Only_301_302_307_and_308_are_redirect_statuses(int status) =>
        Assert.Equal(["redirect.status"], Errors(Redirecting("/x", status)).Keys);

    [Fact]
    public void A_route_has_targets_or_a_redirect_and_a_redirect_has_nothing_to_rewrite()
    {
        var errors = Errors(Redirecting("/x") with { Targets = OneTarget, RewritePath = "/v2" });
        Assert.Equal(["rewritePath", "targets"], errors.Keys.Order());
    }

    [Fact]
    public void A_rewrite_path_is_checked_as_a_path_on_a_forwarding_route()
    {
        Assert.Empty(Errors(new RouteSpec { Targets = OneTarget, RewritePath = "/v2" }));
        Assert.Contains("rewritePath", Errors(new RouteSpec { Targets = OneTarget, RewritePath = "v2" }).Keys);
    }
}
