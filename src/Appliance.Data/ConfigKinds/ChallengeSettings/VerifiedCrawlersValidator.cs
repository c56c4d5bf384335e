using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.ChallengeSettings;

/// <summary>
/// Each verified crawler has a name, a User-Agent to look for and DNS domains that are real names:
/// a domain such as <c>com</c> would let anyone who controls a reverse zone pass.
/// </summary>
internal sealed class VerifiedCrawlersValidator : IConfigValidator<ChallengeSettingsSpec>
{
    public const int MaxCrawlers = 32;

    public const int MaxDomains = 8;

    public const int MaxUserAgentLength = 100;

    public void Validate(ChallengeSettingsSpec settings, ConfigValidationContext context, ValidationErrors errors)
    {
        if (settings.Crawlers.Count > MaxCrawlers)
        {
            errors.Add("crawlers", $"At most {MaxCrawlers} verified crawlers.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < settings.Crawlers.Count; i++)
        {
            var crawler = settings.Crawlers[i];
            var at = $"crawlers[{i}]";
            if (crawler is null)
            {
                errors.Add(at, "A crawler cannot be null.");
                continue;
            }

            if (crawler.Name.Length == 0)
            {
                errors.Add($"{at}.name", "A crawler needs a name.");
            }
            else if (!names.Add(crawler.Name))
            {
                errors.Add($"{at}.name", $"A crawler named '{crawler.Name}' appears more than once.");
            }

            if (crawler.UserAgent.Length is 0 or > MaxUserAgentLength)
            {
                errors.Add($"{at}.userAgent", $"The User-Agent text must be 1 to {MaxUserAgentLength} characters: a word the crawler's User-Agent contains, such as Googlebot.");
            }

            ValidateDomains(crawler.Domains, at, errors);
        }
    }

    private static void ValidateDomains(IReadOnlyList<string> domains, string at, ValidationErrors errors)
    {
        if (domains.Count is 0 or > MaxDomains)
        {
            errors.Add($"{at}.domains", $"Give 1 to {MaxDomains} DNS domains its reverse names end in, such as googlebot.com.");
            return;
        }

        for (var i = 0; i < domains.Count; i++)
        {
            var domain = domains[i];
            if (!HostNames.IsValid(domain) || domain.Contains(':', StringComparison.Ordinal) || domain.StartsWith('*') || !domain.Contains('.', StringComparison.Ordinal))
            {
                errors.Add($"{at}.domains[{i}]", $"'{domain}' is not a DNS domain of at least two labels, such as googlebot.com.");
            }
        }
    }
}
