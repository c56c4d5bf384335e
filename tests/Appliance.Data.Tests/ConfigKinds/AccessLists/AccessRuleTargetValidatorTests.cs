using Appliance.Data.ConfigKinds.AccessLists;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.AccessLists;

public sealed class AccessRuleTargetValidatorTests
{
    private static readonly ConfigValidationContext WithDatabase = new(new Dictionary<Type, IReadOnlySet<string>>(), null, countryRulesRefusal: null);
    private static readonly ConfigValidationContext WithoutDatabase = new(new Dictionary<Type, IReadOnlySet<string>>(), null, countryRulesRefusal: NoCountryDatabase.Message);

    [Fact]
    public void A_country_rule_is_valid_with_a_database_and_refused_without_one_naming_the_setting()
    {
        var list = List(new AccessRuleSpec { Action = AccessActions.Deny, Country = "FR" });

        Assert.Empty(ValidatorRun.Errors(new AccessListValidator(), list, WithDatabase));
        var refused = ValidatorRun.Errors(new AccessListValidator(), list, WithoutDatabase);
        Assert.StartsWith("Country rules need Appliance:GeoIP:DatabasePath", Assert.Single(refused["rules[0].country"]));
    }

    [Theory]
    [InlineData(null, null, "rules[0].cidr")]
    [InlineData("10.0.0.0/8", "FR", "rules[0].country")]
    [InlineData(null, "FRA", "rules[0].country")]
    [InlineData(null, "fr", "rules[0].country")]
    [InlineData(null, "F1", "rules[0].country")]
    public void A_rule_names_exactly_one_range_or_one_upper_case_two_letter_country(string? cidr, string? country, string field)
    {
        var errors = ValidatorRun.Errors(new AccessListValidator(), List(new AccessRuleSpec { Cidr = cidr, Country = country }), WithDatabase);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void The_normaliser_upper_cases_a_country_and_makes_blank_fields_none()
    {
        var rule = ConfigNormalizer.Normalize(new AccessRuleSpec { Action = " Deny ", Cidr = " ", Country = " fr " });

        Assert.Equal(new AccessRuleSpec { Action = "Deny", Cidr = null, Country = "FR" }, rule);
    }

    private static AccessListSpec List(AccessRuleSpec rule) => new() { Name = "geo", Rules = [rule] };
}
