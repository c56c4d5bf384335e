using System.Net;
using Appliance.Data.Model;
using Appliance.Engine.GeoIp;
using Appliance.Engine.Security.Shield;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Engine.Tests.GeoIp;

public sealed class CountryAccessListTests : IDisposable
{
    private readonly CountryDatabase _countries = new(
        new GeoIpOptions { DatabasePath = GeoIpTestFiles.GeoIp2Country }, TimeProvider.System, NullLogger<CountryDatabase>.Instance);

    [Fact]
    public void Country_rules_deny_IPv4_and_IPv6_addresses_of_that_country_in_rule_order()
    {
        var list = new CompiledAccessList(new AccessListSpec
        {
            Name = "geo",
            Rules =
            [
                new AccessRuleSpec { Action = AccessActions.Allow, Cidr = "81.2.69.142" },
                new AccessRuleSpec { Action = AccessActions.Deny, Country = "GB" },
                new AccessRuleSpec { Action = AccessActions.Deny, Country = "KR" },
            ],
        }, _countries);

        Assert.Equal((true, 0), list.Decide(IPAddress.Parse("81.2.69.142")));
        Assert.Equal((false, 1), list.Decide(IPAddress.Parse("81.2.69.143")));
        Assert.Equal((false, 1), list.Decide(IPAddress.Parse("::ffff:81.2.69.143")));
        Assert.Equal((false, 2), list.Decide(IPAddress.Parse("2001:220::1")));
        Assert.Equal("KR", list.CountryOf(2));
        Assert.Null(list.CountryOf(0));

        // Another country, and an address in none, fall through to the default.
        Assert.Equal((true, -1), list.Decide(IPAddress.Parse("2001:218::1")));
        Assert.Equal((true, -1), list.Decide(IPAddress.Parse("10.0.0.1")));
    }

    [Fact]
    public void An_address_in_no_country_matches_no_country_rule_even_under_an_allow_list()
    {
        var list = new CompiledAccessList(new AccessListSpec
        {
            Name = "only-se",
            DefaultAction = AccessActions.Deny,
            Rules = [new AccessRuleSpec { Action = AccessActions.Allow, Country = "SE" }],
        }, _countries);

        Assert.True(list.Decide(IPAddress.Parse("89.160.20.115")).Allowed);
        Assert.Equal((false, -1), list.Decide(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void A_list_of_address_rules_never_looks_a_country_up()
    {
        var list = new CompiledAccessList(new AccessListSpec
        {
            Name = "addresses",
            Rules = [new AccessRuleSpec { Action = AccessActions.Deny, Cidr = "203.0.113.0/24" }],
        }, _countries);
        var before = _countries.Counts.Lookups;

        list.Decide(IPAddress.Parse("81.2.69.142"));
        list.Decide(IPAddress.Parse("203.0.113.9"));

        Assert.False(list.HasCountryRules);
        Assert.Equal(before, _countries.Counts.Lookups);
    }

    [Fact]
    public void Without_a_database_a_country_rule_matches_nothing_and_keeps_its_place()
    {
        var list = new CompiledAccessList(new AccessListSpec
        {
            Name = "no-db",
            Rules =
            [
                new AccessRuleSpec { Action = AccessActions.Deny, Country = "GB" },
                new AccessRuleSpec { Action = AccessActions.Deny, Cidr = "81.2.69.0/24" },
            ],
        });

        Assert.Equal((false, 1), list.Decide(IPAddress.Parse("81.2.69.142")));
    }

    public void Dispose() => _countries.Dispose();
}
