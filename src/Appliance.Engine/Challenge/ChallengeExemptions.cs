using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Networking;
using Appliance.Engine.Challenge.Crawlers;

namespace Appliance.Engine.Challenge;

/// <summary>The clients that never get the challenge, compiled once per snapshot: allowed address ranges and the crawlers DNS can vouch for.</summary>
internal sealed class ChallengeExemptions
{
    public static ChallengeExemptions None { get; } = new(new ChallengeSettingsSpec { Crawlers = [] });

    private readonly IPNetwork[] _allowed;
    private readonly CompiledCrawler[] _crawlers;

    public ChallengeExemptions(ChallengeSettingsSpec settings)
    {
        _allowed = NetworkRanges.ParseAll(settings.Allow ?? []);
        _crawlers = (settings.Crawlers ?? []).Where(c => c is not null).Select(c => new CompiledCrawler(c)).ToArray();
    }

    /// <summary>True when <paramref name="address"/> (the settled client address) is in an allowed range.</summary>
    public bool Allows(IPAddress? address) => address is not null && _allowed.Length > 0 && NetworkRanges.Contains(_allowed, address);

    /// <summary>The crawler whose User-Agent text <paramref name="userAgent"/> contains, which DNS must still confirm; null for everyone else.</summary>
    public CompiledCrawler? CrawlerClaimedBy(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return null;
        }

        foreach (var crawler in _crawlers)
        {
            if (userAgent.Contains(crawler.UserAgent, StringComparison.OrdinalIgnoreCase))
            {
                return crawler;
            }
        }

        return null;
    }
}
