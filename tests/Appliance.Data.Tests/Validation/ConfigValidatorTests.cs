using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.Validation;

public sealed class ConfigValidatorTests
{
    private static readonly HashSet<string> Pools = ["web", "web-next"];

    private static IDictionary<string, string[]> PoolErrors(PoolSpec pool)
    {
        var errors = new ValidationErrors();
        ConfigValidator.ValidatePool(ConfigNormalizer.Normalize(pool), errors);
        return errors.ToDictionary();
    }

    private static IDictionary<string, string[]> RouteErrors(RouteSpec route)
    {
        var errors = new ValidationErrors();
        ConfigValidator.ValidateRoute(ConfigNormalizer.Normalize(route), Pools, errors);
        return errors.ToDictionary();
    }

    private static PoolSpec Pool(params BackendSpec[] backends) => new() { Name = "web", Backends = backends };

    private static RouteSpec Route(params TargetSpec[] targets) => new() { Name = "site", Targets = targets };

    [Fact]
    public void A_complete_pool_is_valid()
    {
        Assert.Empty(PoolErrors(new PoolSpec
        {
            Name = "web-01",
            LoadBalancing = LoadBalancingPolicyNames.WeightedRoundRobin,
            HealthCheck = new HealthCheckSpec { Path = "/health?full=1", IntervalSeconds = 5, TimeoutSeconds = 5, UnhealthyAfter = 2, HealthyAfter = 3 },
            Backends = [new BackendSpec { Address = "http://10.0.0.1:8080", Weight = 100 }, new BackendSpec { Address = "https://app.internal/base", Weight = 1 }],
        }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-web")]
    [InlineData("web_1")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Names_must_be_slugs(string name) => Assert.Contains("name", PoolErrors(new PoolSpec { Name = name }).Keys);

    [Fact]
    public void Upper_case_names_are_refused_not_silently_lowered()
    {
        // Normalisation trims names but never changes their case: the name is an identifier the operator chose.
        Assert.Contains("name", PoolErrors(new PoolSpec { Name = "Web" }).Keys);
    }

    [Theory]
    [InlineData("10.0.0.1:8080")]
    [InlineData("ftp://10.0.0.1")]
    [InlineData("http://user:secret@10.0.0.1")]
    [InlineData("http://10.0.0.1/?q=1")]
    [InlineData("http://10.0.0.1/#top")]
    [InlineData("")]
    public void Backend_addresses_must_be_plain_absolute_http_urls(string address) =>
        Assert.Contains("backends[0].address", PoolErrors(Pool(new BackendSpec { Address = address })).Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void Backend_weights_are_1_to_100(int weight) =>
        Assert.Contains("backends[0].weight", PoolErrors(Pool(new BackendSpec { Address = "http://a", Weight = weight })).Keys);

    [Fact]
    public void Backend_addresses_are_unique_within_a_pool_after_normalisation()
    {
        var errors = PoolErrors(Pool(new BackendSpec { Address = "http://A.example:80/" }, new BackendSpec { Address = "http://a.example" }));
        Assert.Contains("backends[1].address", errors.Keys);
    }

    [Fact]
    public void Health_check_fields_have_sensible_ranges()
    {
        var errors = PoolErrors(new PoolSpec
        {
            Name = "web",
            HealthCheck = new HealthCheckSpec { Path = "health", IntervalSeconds = 0, TimeoutSeconds = 10, UnhealthyAfter = 0, HealthyAfter = 101 },
        });
        Assert.Equal(
            ["healthCheck.healthyAfter", "healthCheck.intervalSeconds", "healthCheck.path", "healthCheck.timeoutSeconds", "healthCheck.unhealthyAfter"],
            errors.Keys.Order());
    }

    [Fact]
    public void The_timeout_cannot_exceed_the_interval()
    {
        var errors = PoolErrors(new PoolSpec { Name = "web", HealthCheck = new HealthCheckSpec { IntervalSeconds = 2, TimeoutSeconds = 3 } });
        Assert.Equal(["healthCheck.timeoutSeconds"], errors.Keys);
    }

    [Fact]
    public void Unknown_policies_are_named_in_the_message()
    {
        var errors = PoolErrors(new PoolSpec { Name = "web", LoadBalancing = "Fastest" });
        Assert.Contains("'Fastest'", errors["loadBalancing"][0]);
        Assert.Contains(LoadBalancingPolicyNames.WeightedRoundRobin, errors["loadBalancing"][0]);
    }

    [Fact]
    public void A_route_needs_targets_that_name_pools_and_weigh_something()
    {
        Assert.Contains("targets", RouteErrors(Route()).Keys);
        Assert.Contains("targets", RouteErrors(new RouteSpec { Name = "site", Targets = null! }).Keys);
        Assert.Contains("targets[0].pool", RouteErrors(Route(new TargetSpec { Pool = "nope", Weight = 1 })).Keys);
        Assert.Contains("targets", RouteErrors(Route(new TargetSpec { Pool = "web", Weight = 0 }, new TargetSpec { Pool = "web-next", Weight = 0 })).Keys);
        Assert.Contains("targets[1].pool", RouteErrors(Route(new TargetSpec { Pool = "web", Weight = 1 }, new TargetSpec { Pool = "web", Weight = 1 })).Keys);
        Assert.Contains("targets[0].weight", RouteErrors(Route(new TargetSpec { Pool = "web", Weight = 101 })).Keys);
        Assert.Empty(RouteErrors(Route(new TargetSpec { Pool = "web", Weight = 90 }, new TargetSpec { Pool = "web-next", Weight = 10 })));
    }

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
    public void Hosts_are_names_wildcards_or_host_port(string host, bool valid)
    {
        var errors = RouteErrors(new RouteSpec { Name = "site", Hosts = [host], Targets = [new TargetSpec { Pool = "web", Weight = 1 }] });
        Assert.Equal(valid, !errors.ContainsKey("hosts[0]"));
    }

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
    public void Paths_are_clean_prefixes(string path, bool valid)
    {
        var errors = RouteErrors(new RouteSpec { Name = "site", Path = path, Targets = [new TargetSpec { Pool = "web", Weight = 1 }] });
        Assert.Equal(valid, !errors.ContainsKey("path"));
    }

    [Fact]
    public void Methods_are_tokens_and_listed_once()
    {
        var errors = RouteErrors(new RouteSpec { Name = "site", Methods = ["get", "GET", "BAD METHOD"], Targets = [new TargetSpec { Pool = "web", Weight = 1 }] });
        Assert.Equal(["methods[1]", "methods[2]"], errors.Keys.Order());
    }

    [Fact]
    public void A_document_needs_unique_names_and_targets_that_exist_in_it()
    {
        var document = ConfigNormalizer.Normalize(new ConfigDocument
        {
            Pools = [new PoolSpec { Name = "web" }, new PoolSpec { Name = "web" }],
            Routes =
            [
                new RouteSpec { Name = "a", Targets = [new TargetSpec { Pool = "web", Weight = 1 }] },
                new RouteSpec { Name = "a", Targets = [new TargetSpec { Pool = "gone", Weight = 1 }] },
            ],
        });

        var errors = ConfigValidator.ValidateDocument(document).ToDictionary();
        Assert.Equal(["pools[1].name", "routes[1].name", "routes[1].targets[0].pool"], errors.Keys.Order());
    }

    [Fact]
    public void Normalisation_puts_equivalent_spellings_into_one_form()
    {
        var route = ConfigNormalizer.Normalize(new RouteSpec { Name = " site ", Hosts = [" Shop.Example.COM "], Path = "/api/", Methods = ["get"] });
        Assert.Equal("site", route.Name);
        Assert.Equal(["shop.example.com"], route.Hosts);
        Assert.Equal("/api", route.Path);
        Assert.Equal(["GET"], route.Methods);

        var pool = ConfigNormalizer.Normalize(Pool(new BackendSpec { Address = " HTTP://App.Internal:80/base/ " }));
        Assert.Equal("http://app.internal/base", pool.Backends[0].Address);
    }
}
