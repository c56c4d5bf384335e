using Appliance.Data.ConfigKinds.AccessLists;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.AccessLists;

public sealed class AccessListValidatorTests
{
    private static IDictionary<string, string[]> Errors(AccessListSpec list) => ValidatorRun.Errors(new AccessListValidator(), list);

    [Fact]
    public void Rules_over_v4_and_v6_ranges_and_single_addresses_are_valid() =>
        Assert.Empty(Errors(new AccessListSpec
        {
            Name = "office",
            Rules = [new AccessRuleSpec { Action = AccessActions.Allow, Cidr = "203.0.113.0/24" }, new AccessRuleSpec { Cidr = "2001:db8::1" }],
        }));

    [Fact]
    public void Actions_and_ranges_name_their_fields()
    {
        var errors = Errors(new AccessListSpec
        {
            Name = "office",
            DefaultAction = "Maybe",
            DenyAction = "Ignore",
            Rules = [new AccessRuleSpec { Action = "Perhaps", Cidr = "300.1.2.3/8" }, null!],
        });
        Assert.Equal(["defaultAction", "denyAction", "rules[0].action", "rules[0].cidr", "rules[1]"], errors.Keys.Order());
    }

    [Fact]
    public void Basic_auth_users_are_left_to_password_resolution() =>
        Assert.Empty(Errors(new AccessListSpec { Name = "staff", BasicAuthUsers = [new BasicAuthUserSpec { User = "" }] }));

    [Fact]
    public void An_access_list_has_at_most_1000_basic_auth_users()
    {
        BasicAuthUserSpec[] Users(int count) => Enumerable.Range(0, count).Select(i => new BasicAuthUserSpec { User = $"user-{i}" }).ToArray();

        Assert.Empty(Errors(new AccessListSpec { Name = "staff", BasicAuthUsers = Users(1000) }));
        Assert.Equal("An access list has at most 1000 basic-auth users.", Assert.Single(Errors(new AccessListSpec { Name = "staff", BasicAuthUsers = Users(1001) })["basicAuthUsers"]));
    }
}
