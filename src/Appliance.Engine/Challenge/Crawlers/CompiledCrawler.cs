using Appliance.Data.Model;

namespace Appliance.Engine.Challenge.Crawlers;

/// <summary>A verified crawler as a request is checked against it: the User-Agent text it claims and the domains its reverse names must be in.</summary>
internal sealed class CompiledCrawler(VerifiedCrawlerSpec spec)
{
    private readonly string[] _domains = [.. spec.Domains];

    public string Name { get; } = spec.Name;

    public string UserAgent { get; } = spec.UserAgent;

    /// <summary>
    /// True when <paramref name="hostName"/> is one of the domains or a name under one: a whole
    /// label must match, so <c>evilgooglebot.com</c> and <c>googlebot.com.evil.example</c> do not.
    /// </summary>
    public bool Owns(string hostName)
    {
        var name = hostName.TrimEnd('.');
        foreach (var domain in _domains)
        {
            if (name.Equals(domain, StringComparison.OrdinalIgnoreCase)
                || (name.Length > domain.Length && name[name.Length - domain.Length - 1] == '.' && name.EndsWith(domain, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
