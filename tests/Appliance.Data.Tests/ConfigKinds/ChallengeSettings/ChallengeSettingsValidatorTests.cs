using Appliance.Data.ConfigKinds;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.ChallengeSettings;

public sealed class ChallengeSettingsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Validate(new ChallengeSettingsSpec()).Entries);
    }

    [Theory]
    [InlineData("com", "crawlers[0].domains[0]")]
    [InlineData("*.googlebot.com", "crawlers[0].domains[0]")]
    [InlineData("googlebot.com:53", "crawlers[0].domains[0]")]
    [InlineData("google bot.com", "crawlers[0].domains[0]")]
    public void A_domain_that_is_not_a_real_dns_domain_is_refused(string domain, string field)
    {
        var errors = Validate(new ChallengeSettingsSpec { Crawlers = [new VerifiedCrawlerSpec { Name = "x", UserAgent = "x", Domains = [domain] }] });

        Assert.Contains(field, errors.Entries.Select(e => e.Field));
    }

    [Fact]
    public void Each_field_of_a_bad_crawler_and_a_bad_range_has_its_own_message()
    {
        var errors = Validate(new ChallengeSettingsSpec
        {
            Allow = ["203.0.113.0/24", "nonsense"],
            Crawlers =
            [
                new VerifiedCrawlerSpec { Name = "Googlebot", UserAgent = "Googlebot", Domains = ["googlebot.com"] },
                new VerifiedCrawlerSpec { Name = "GOOGLEBOT", UserAgent = new string('a', 101), Domains = [] },
                null!,
            ],
        });

        Assert.Equal(
            ["allow[1]", "crawlers[1].domains", "crawlers[1].name", "crawlers[1].userAgent", "crawlers[2]"],
            errors.Entries.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Too_many_ranges_are_refused()
    {
        var errors = Validate(new ChallengeSettingsSpec { Allow = Enumerable.Range(0, 257).Select(i => $"10.0.{i / 256}.{i % 256}").ToArray() });

        Assert.Contains("allow", errors.Entries.Select(e => e.Field));
    }

    private static ValidationErrors Validate(ChallengeSettingsSpec settings)
    {
        var errors = new ValidationErrors();
        foreach (var validator in Kinds.ChallengeSettings.Validators)
        {
            validator.Validate(Kinds.ChallengeSettings.Normalize(settings), ConfigValidationContext.Alone, errors);
        }

        return errors;
    }
}
