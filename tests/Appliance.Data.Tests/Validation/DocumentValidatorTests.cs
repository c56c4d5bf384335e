using Appliance.Data.ConfigKinds;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.Validation;

public sealed class DocumentValidatorTests
{
    private static readonly ConfigDocument Valid = new()
    {
        Pools = [new PoolSpec { Name = "web", Backends = [new BackendSpec { Address = "http://10.0.0.1" }] }],
        Routes = [new RouteSpec { Name = "shop", Targets = [new TargetSpec { Pool = "web" }], AccessList = "office", RateLimit = "tight", Tls = "shop-cert" }],
        CacheRules = [new CacheRuleSpec { Name = "static", Route = "shop", Match = "/static" }],
        AccessLists = [new AccessListSpec { Name = "office" }],
        RateLimits = [new RateLimitSpec { Name = "tight" }],
    };

    private static readonly HashSet<string> Certificates = ["shop-cert"];

    private static IDictionary<string, string[]> Errors(ConfigDocument document, IReadOnlySet<string>? certificates = null) =>
        DocumentValidator.ValidateDocument(document, certificates ?? Certificates).ToDictionary();

    [Fact]
    public void A_document_whose_references_all_resolve_is_valid() => Assert.Empty(Errors(Valid));

    [Fact]
    public void Every_kind_is_checked_and_its_messages_carry_document_paths()
    {
        var errors = Errors(Valid with
        {
            Pools = [new PoolSpec { Name = "web", Backends = [new BackendSpec { Address = "nowhere" }] }],
            Routes = [Valid.Routes[0] with { Targets = [new TargetSpec { Pool = "gone" }], AccessList = "gone", RateLimit = "gone", Tls = "no-cert" }],
            CacheRules = [Valid.CacheRules[0] with { Route = "gone" }],
            AccessLists = [new AccessListSpec { Name = "office", Rules = [new AccessRuleSpec { Cidr = "x" }] }],
            RateLimits = [new RateLimitSpec { Name = "tight", Burst = 0 }],
        });

        Assert.Equal(
            [
                "accessLists[0].rules[0].cidr", "cacheRules[0].route", "pools[0].backends[0].address", "rateLimits[0].burst",
                "routes[0].accessList", "routes[0].rateLimit", "routes[0].targets[0].pool", "routes[0].tls",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Names_are_unique_within_each_kind_and_may_repeat_across_kinds()
    {
        var errors = Errors(Valid with
        {
            Pools = [.. Valid.Pools, Valid.Pools[0]],
            Routes = [.. Valid.Routes, Valid.Routes[0]],
            CacheRules = [.. Valid.CacheRules, Valid.CacheRules[0]],
            AccessLists = [.. Valid.AccessLists, Valid.AccessLists[0]],
            RateLimits = [.. Valid.RateLimits, Valid.RateLimits[0], new RateLimitSpec { Name = "web" }],
        });

        Assert.Equal(["accessLists[1].name", "cacheRules[1].name", "pools[1].name", "rateLimits[1].name", "routes[1].name"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("An access list named 'office' appears more than once.", Assert.Single(errors["accessLists[1].name"]));
        Assert.Equal("A cache rule named 'static' appears more than once.", Assert.Single(errors["cacheRules[1].name"]));
    }

    [Fact]
    public void Null_objects_are_named_by_their_place()
    {
        var errors = Errors(Valid with { Pools = [.. Valid.Pools, null!], AccessLists = [null!, .. Valid.AccessLists] });
        Assert.Equal("A pool cannot be null.", Assert.Single(errors["pools[1]"]));
        Assert.Equal("An access list cannot be null.", Assert.Single(errors["accessLists[0]"]));
    }

    [Fact]
    public void A_document_without_pools_or_routes_is_answered_with_just_that()
    {
        var errors = Errors(Valid with { Pools = null!, Routes = null! });
        Assert.Equal(["pools", "routes"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Pools are required (an empty list is allowed).", Assert.Single(errors["pools"]));
    }

    [Fact]
    public void Certificates_are_checked_only_when_known() =>
        Assert.Empty(DocumentValidator.ValidateDocument(Valid with { Routes = [Valid.Routes[0] with { Tls = "no-cert" }] }).ToDictionary());

    [Fact]
    public void A_changed_objects_messages_are_relative_to_it()
    {
        var after = Valid with { Pools = [.. Valid.Pools, new PoolSpec { Name = "new", Backends = [new BackendSpec { Address = "nowhere" }] }] };

        var errors = DocumentValidator.ValidateChange(Valid, after, new ChangedObject(Kinds.Pools, 1), Certificates).ToDictionary();

        Assert.Equal(["backends[0].address"], errors.Keys);
    }

    [Fact]
    public void Messages_about_other_objects_that_were_already_stored_do_not_block_a_change()
    {
        // A rule stored before its match was bounded; the change is to an unrelated pool.
        var stored = Valid with { CacheRules = [Valid.CacheRules[0] with { Match = "static" }] };
        var after = stored with { Pools = [.. stored.Pools, new PoolSpec { Name = "new" }] };

        Assert.True(DocumentValidator.ValidateChange(stored, after, new ChangedObject(Kinds.Pools, 1), Certificates).IsEmpty);
    }

    [Fact]
    public void Messages_about_other_objects_that_the_change_brought_are_reported_with_document_paths()
    {
        // A delete that no "who refers to me" check caught: the route's access list is gone.
        var after = Valid with { AccessLists = [] };

        var errors = DocumentValidator.ValidateChange(Valid, after, new ChangedObject(Kinds.AccessLists, -1), Certificates).ToDictionary();

        Assert.Equal("There is no access list named 'office'.", Assert.Single(errors["routes[0].accessList"]));
    }

    [Fact]
    public void A_complete_pool_is_valid() =>
        Assert.Empty(Errors(Valid with
        {
            Pools =
            [
                ConfigNormalizer.Normalize(new PoolSpec
                {
                    Name = "web",
                    LoadBalancing = LoadBalancingPolicyNames.WeightedRoundRobin,
                    HealthCheck = new HealthCheckSpec { Path = "/health?full=1", IntervalSeconds = 5, TimeoutSeconds = 5, UnhealthyAfter = 2, HealthyAfter = 3 },
                    Backends = [new BackendSpec { Address = "http://10.0.0.1:8080", Weight = 100 }, new BackendSpec { Address = "https://app.internal/base", Weight = 1 }],
                }),
            ],
        }));

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

        Assert.Equal(["pools[1].name", "routes[1].name", "routes[1].targets[0].pool"], Errors(document).Keys.Order());
    }
}
